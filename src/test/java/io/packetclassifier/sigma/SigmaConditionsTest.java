package io.packetclassifier.sigma;

import static io.packetclassifier.sigma.SigmaTesting.CATALOG;
import static io.packetclassifier.sigma.SigmaTesting.build;
import static io.packetclassifier.sigma.SigmaTesting.event;
import static io.packetclassifier.sigma.SigmaTesting.fires;
import static io.packetclassifier.sigma.SigmaTesting.ids;
import static io.packetclassifier.sigma.SigmaTesting.load;
import static io.packetclassifier.sigma.SigmaTesting.rejected;
import static io.packetclassifier.sigma.SigmaTesting.rule;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Condition forms, rule loading and reporting, mappings, and the choice of the primary label. */
class SigmaConditionsTest {

    /** Four searches a..d over CommandLine: each is true when the command line contains its letter token. */
    private static final String SEARCHES = """
            sel_a:
                CommandLine|contains: '[a]'
            sel_b:
                CommandLine|contains: '[b]'
            sel_c:
                CommandLine|contains: '[c]'
            _d:
                CommandLine|contains: '[d]'
            """;

    private static SigmaRuleSet condition(String condition) {
        return load(SEARCHES + "condition: " + condition + "\n");
    }

    /** The command line that makes exactly the given searches true: "abc" → "[a][b][c]". */
    private static boolean with(SigmaRuleSet rules, String letters) {
        StringBuilder commandLine = new StringBuilder("x");
        for (char c : letters.toCharArray()) {
            commandLine.append('[').append(c).append(']');
        }
        return fires(rules, "command_line", commandLine.toString());
    }

    @Test
    void andBindsTighterThanOr() {
        SigmaRuleSet rules = condition("sel_a or sel_b and sel_c");
        assertThat(with(rules, "a")).isTrue();
        assertThat(with(rules, "bc")).isTrue();
        assertThat(with(rules, "b")).isFalse();
        assertThat(with(rules, "c")).isFalse();
    }

    @Test
    void notBindsTighterThanAnd() {
        SigmaRuleSet rules = condition("not sel_a and sel_b");
        assertThat(with(rules, "b")).isTrue();
        assertThat(with(rules, "ab")).isFalse();
        assertThat(with(rules, "")).isFalse();

        SigmaRuleSet orNot = condition("not sel_a or sel_b");
        assertThat(with(orNot, "")).isTrue();
        assertThat(with(orNot, "ab")).isTrue();
        assertThat(with(orNot, "a")).isFalse();

        SigmaRuleSet doubleNot = condition("not not sel_a");
        assertThat(with(doubleNot, "a")).isTrue();
        assertThat(with(doubleNot, "b")).isFalse();
    }

    @Test
    void keywordsAreCaseInsensitive() {
        SigmaRuleSet rules = condition("sel_a AND NOT sel_b");
        assertThat(with(rules, "a")).isTrue();
        assertThat(with(rules, "ab")).isFalse();
    }

    @Test
    void nestedParentheses() {
        SigmaRuleSet rules = condition("(sel_a or sel_b) and not (sel_c and (_d or sel_a))");
        assertThat(with(rules, "a")).isTrue();
        assertThat(with(rules, "b")).isTrue();
        assertThat(with(rules, "bc")).isTrue();
        assertThat(with(rules, "bcd")).isFalse();
        assertThat(with(rules, "ac")).isFalse();
        assertThat(with(rules, "cd")).isFalse();

        SigmaRuleSet tight = condition("((sel_a))and(sel_b)");
        assertThat(with(tight, "ab")).isTrue();
        assertThat(with(tight, "a")).isFalse();
    }

    @Test
    void oneOfPattern() {
        SigmaRuleSet rules = condition("1 of sel_*");
        assertThat(with(rules, "a")).isTrue();
        assertThat(with(rules, "c")).isTrue();
        assertThat(with(rules, "d")).isFalse();
    }

    @Test
    void allOfPattern() {
        SigmaRuleSet rules = condition("all of sel_*");
        assertThat(with(rules, "abc")).isTrue();
        assertThat(with(rules, "ab")).isFalse();
        assertThat(with(rules, "bcd")).isFalse();

        SigmaRuleSet single = condition("all of sel_? and not _d");
        assertThat(with(single, "abc")).isTrue();
        assertThat(with(single, "abcd")).isFalse();
    }

    @Test
    void oneOfThemLeavesOutUnderscoreIdentifiers() {
        SigmaRuleSet rules = condition("1 of them");
        assertThat(with(rules, "b")).isTrue();
        assertThat(with(rules, "d")).isFalse();
        assertThat(with(rules, "")).isFalse();
    }

    @Test
    void allOfThemLeavesOutUnderscoreIdentifiers() {
        SigmaRuleSet rules = condition("all of them");
        assertThat(with(rules, "abc")).isTrue();
        assertThat(with(rules, "abcd")).isTrue();
        assertThat(with(rules, "ab")).isFalse();
        assertThat(with(rules, "abd")).isFalse();
    }

    @Test
    void underscoreIdentifiersAreStillUsableByNameAndPattern() {
        assertThat(with(condition("_d"), "d")).isTrue();
        assertThat(with(condition("1 of _*"), "d")).isTrue();
        assertThat(with(condition("1 of _*"), "abc")).isFalse();
    }

    @Test
    void allOfNothingIsReportedAndOneOfNothingIsFalse() {
        // pySigma refuses a selector that references no detection; this engine reports 'all of' over nothing
        // as unsupported (a vacuous truth would fire on every event) and reads '1 of' over nothing as false.
        assertThat(rejected(SEARCHES + "condition: all of filter_*\n")).contains("all of filter_*");
        SigmaRuleSet oneOf = condition("sel_a and not 1 of filter_*");
        assertThat(with(oneOf, "a")).isTrue();
        SigmaRuleSet onlyNothing = condition("1 of filter_* or sel_b");
        assertThat(with(onlyNothing, "a")).isFalse();
        assertThat(with(onlyNothing, "b")).isTrue();
    }

    @Test
    void unknownIdentifierIsReported() {
        assertThat(rejected(SEARCHES + "condition: sel_a and selection\n")).contains("selection");
    }

    @Test
    void malformedConditionsAreReported() {
        assertThat(rejected(SEARCHES + "condition: (sel_a or sel_b\n")).contains("')'");
        assertThat(rejected(SEARCHES + "condition: sel_a and\n")).contains("condition");
        assertThat(rejected(SEARCHES + "condition: sel_a sel_b\n")).contains("sel_b");
        assertThat(rejected(SEARCHES + "condition: sel_a | count() > 5\n")).contains("aggregation");
    }

    @Test
    void multiDocumentYamlLoadsEveryRule() {
        String yaml = rule("first", "low", "sel:\n    CommandLine|contains: 'one'\ncondition: sel\n")
                + "---\n" + rule("second", "low", "sel:\n    CommandLine|contains: 'two'\ncondition: sel\n")
                + "---\n" + rule("third", "low", "sel:\n    CommandLine|contains: 'three'\ncondition: sel\n");
        SigmaRuleSet rules = build(SigmaRuleSet.builder(CATALOG).addYaml("many.yml", yaml));
        assertThat(rules.unsupported()).isEmpty();
        assertThat(rules.size()).isEqualTo(3);
        assertThat(ids(rules, event("command_line", "one two three"))).containsExactly("first", "second", "third");
        assertThat(ids(rules, event("command_line", "two"))).containsExactly("second");
    }

    @Test
    void aYamlSyntaxErrorIsReportedForItsFileWhileOtherFilesLoad(@TempDir Path folder) throws Exception {
        Files.writeString(folder.resolve("a-good.yml"), rule("good-a", "low", "sel:\n    Image: 'a'\ncondition: sel\n"));
        Files.writeString(folder.resolve("b-broken.yml"), "title: broken\ndetection: [unclosed\n");
        Files.writeString(folder.resolve("c-good.yaml"), rule("good-c", "low", "sel:\n    Image: 'c'\ncondition: sel\n"));
        Files.writeString(folder.resolve("notes.txt"), "not a rule");
        SigmaRuleSet rules = build(SigmaRuleSet.builder(CATALOG).addPath(folder)
                .addYaml("inline.yml", "title: x\n  bad: indentation\n"));
        assertThat(rules.size()).isEqualTo(2);
        assertThat(rules.unsupported()).hasSize(2).allSatisfy(u -> {
            assertThat(u.rule()).isNull();
            assertThat(u.reason()).startsWith("not valid YAML");
        });
        assertThat(rules.unsupported()).extracting(UnsupportedRule::source)
                .containsExactly(folder.resolve("b-broken.yml").toString(), "inline.yml");
        assertThat(ids(rules, event("image", "c"))).containsExactly("good-c");
    }

    @Test
    void fieldMappingOverridesSnakeCase() {
        SigmaRuleSet rules = build(SigmaRuleSet.builder(CATALOG).fieldMapping(Map.of("CommandLine", "cmd"))
                .addYaml("t", rule("r", "low", "sel:\n    CommandLine|contains: 'whoami'\n    Image|endswith: '.exe'\ncondition: sel\n"))
                );
        assertThat(fires(rules, "cmd", "whoami", "image", "a.exe")).isTrue();
        assertThat(fires(rules, "command_line", "whoami", "image", "a.exe")).isFalse();
    }

    @Test
    void logsourceMappingDecidesWhichRulesAnEventSees() {
        String categoryLess = """
                title: anywhere
                id: anywhere
                detection:
                    sel:
                        CommandLine|contains: 'evil'
                    condition: sel
                """;
        String fileEvent = """
                title: file
                id: file
                logsource:
                    category: file_event
                detection:
                    sel:
                        CommandLine|contains: 'evil'
                    condition: sel
                """;
        SigmaRuleSet rules = build(SigmaRuleSet.builder(CATALOG)
                .logsourceMapping(Map.of("sysmon_1", "process_creation"))
                .addYaml("t", rule("process", "low", "sel:\n    CommandLine|contains: 'evil'\ncondition: sel\n"))
                .addYaml("u", categoryLess)
                .addYaml("v", fileEvent)
                );
        assertThat(rules.unsupported()).isEmpty();
        assertThat(ids(rules, event("event_type", "process_start", "command_line", "evil"))).containsExactly("process", "anywhere");
        assertThat(ids(rules, event("event_type", "sysmon_1", "command_line", "evil"))).containsExactly("process", "anywhere");
        assertThat(ids(rules, event("event_type", "file_create", "command_line", "evil"))).containsExactly("anywhere", "file");
        assertThat(ids(rules, event("event_type", "user_login", "command_line", "evil")))
                .as("mapped to a category without rules").containsExactly("anywhere");
        assertThat(ids(rules, event("event_type", "dns_query", "command_line", "evil"))).containsExactly("anywhere");
        assertThat(ids(rules, event("event_type", null, "command_line", "evil"))).containsExactly("anywhere");
    }

    @Test
    void primaryIsTheHighestLevelAndTheEarlierRuleOnATie() {
        String detection = "sel:\n    CommandLine|contains: 'x'\ncondition: sel\n";
        SigmaRuleSet rules = build(SigmaRuleSet.builder(CATALOG)
                .addYaml("1", rule("low", "low", detection, "attack.discovery", "attack.t1082"))
                .addYaml("2", rule("high-1", "high", detection, "attack.execution", "attack.t1059.001"))
                .addYaml("3", rule("high-2", "high", detection, "attack.persistence", "attack.t1543.003"))
                .addYaml("4", rule("critical-untagged", "critical", detection))
                .addYaml("5", rule("medium", "medium", detection, "attack.impact", "attack.t1485"))
                .withSeedRules()
                );
        Classification c = rules.classify(event("command_line", "x"));
        assertThat(c.technique()).isEqualTo("T1059.001");
        assertThat(c.tactic()).isEqualTo("TA0002");
        assertThat(c.matches()).extracting(RuleMatch::id).startsWith("low", "high-1", "high-2", "critical-untagged", "medium");

        SigmaRuleSet reversed = build(SigmaRuleSet.builder(CATALOG)
                .addYaml("1", rule("high-2", "high", detection, "attack.persistence", "attack.t1543.003"))
                .addYaml("2", rule("high-1", "high", detection, "attack.execution", "attack.t1059.001"))
                );
        assertThat(reversed.classify(event("command_line", "x")).technique()).isEqualTo("T1543.003");
    }

    @Test
    void seedRulesLabelOnlyWhenNoOtherRuleDoes() {
        SigmaRuleSet rules = build(SigmaRuleSet.builder(CATALOG)
                .addYaml("1", rule("real", "low", "sel:\n    CommandLine|contains: 'whoami'\ncondition: sel\n",
                        "attack.discovery", "attack.t1033"))
                .withSeedRules());
        assertThat(rules.classify(event("event_id", "e", "command_line", "cmd.exe /c whoami")).technique()).isEqualTo("T1033");
        Classification seed = rules.classify(event("event_id", "e", "command_line", "cmd.exe /c dir"));
        assertThat(seed.technique()).isEqualTo("T1059.003");
        assertThat(seed.tactic()).isEqualTo("TA0002");
        Classification none = rules.classify(event("event_type", "dns_query", "command_line", "whoami"));
        assertThat(none.tactic()).isEqualTo(Classification.NO_TACTIC);
        assertThat(none.technique()).isEqualTo(Classification.NO_TECHNIQUE);
        assertThat(none.matches()).isEmpty();
    }

    @Test
    void theRuleSetCountsItsSeedRules() {
        String detection = "sel:\n    CommandLine|contains: 'x'\ncondition: sel\n";
        assertThat(SigmaRuleSet.builder(CATALOG).withSeedRules().build().seedRules()).isEqualTo(SigmaRuleSet.builder(CATALOG).withSeedRules().build().size()).isPositive();
        SigmaRuleSet mixed = build(SigmaRuleSet.builder(CATALOG).addYaml("1", rule("a", "low", detection))
                .addYaml("2", rule("b", "low", detection)).withSeedRules());
        assertThat(mixed.size() - mixed.seedRules()).isEqualTo(2);
        assertThat(build(SigmaRuleSet.builder(CATALOG).addYaml("1", rule("a", "low", detection))).seedRules()).isZero();
    }

    @Test
    void tacticIsTheFirstTacticTagTheTechniqueBelongsTo() {
        String detection = "sel:\n    CommandLine|contains: 'x'\ncondition: sel\n";
        // T1053.005 (Scheduled Task) serves execution, persistence and privilege escalation; impact is tagged
        // first but is not one of its tactics.
        assertThat(primary(detection, "attack.impact", "attack.persistence", "attack.execution", "attack.t1053.005"))
                .isEqualTo("TA0003 T1053.005");
        // no tag the technique belongs to: the first known tactic tag
        assertThat(primary(detection, "attack.unknown-tactic", "attack.impact", "attack.t1053.005")).isEqualTo("TA0040 T1053.005");
        // no known tactic tag: the technique's first tactic in the catalog
        assertThat(primary(detection, "attack.t1053.005")).isEqualTo(String.join(" ",
                CATALOG.tacticsOf("T1053.005").get(0), "T1053.005"));
        // the first technique tag decides; a sub-technique without a row of its own takes its parent's tactics
        assertThat(primary(detection, "attack.credential-access", "attack.t1003.999", "attack.t1059"))
                .isEqualTo("TA0006 T1003.999");
        // a rule with only tactic tags names no technique, so it labels nothing
        assertThat(primary(detection, "attack.execution")).isEqualTo("TA0000 T0000");
    }

    private static String primary(String detection, String... tags) {
        SigmaRuleSet rules = build(SigmaRuleSet.builder(CATALOG).addYaml("t", rule("r", "high", detection, tags)));
        Classification c = rules.classify(event("command_line", "x"));
        return c.tactic() + " " + c.technique();
    }

    @Test
    void unknownAttackIdsLoadAndAreReported() {
        SigmaRuleSet rules = build(SigmaRuleSet.builder(CATALOG)
                .addYaml("t", rule("v19", "high", "sel:\n    CommandLine|contains: 'x'\ncondition: sel\n",
                        "attack.defense-impairment", "attack.t1685", "attack.t1562.001", "attack.g0016", "attack.s0002",
                        "attack.ta0005", "detection.threat-hunting"))
                );
        assertThat(rules.unsupported()).isEmpty();
        assertThat(rules.size()).isEqualTo(1);
        assertThat(rules.unknownAttackIds()).containsExactlyInAnyOrder("defense-impairment", "T1685");
        RuleMatch match = rules.matches(event("command_line", "x")).get(0);
        assertThat(match.tactics()).containsExactly("defense-impairment");
        assertThat(match.techniques()).extracting(RuleMatch.TechniqueRef::id).containsExactly("T1685", "T1562.001");
        assertThat(match.techniques().get(0).name()).isNull();
        assertThat(match.techniques().get(1).name()).isEqualTo("Disable or Modify Tools");
        // the first technique tag is unknown and so are its tactics: the technique stays, the tactic is TA0000
        Classification c = rules.classify(event("command_line", "x"));
        assertThat(c.technique()).isEqualTo("T1685");
        assertThat(c.tactic()).isEqualTo(Classification.NO_TACTIC);
    }
}
