package io.packetclassifier.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.packetclassifier.attack.AttackCatalog;
import io.packetclassifier.sigma.FieldSource;
import io.packetclassifier.sigma.SigmaRuleSet;
import io.packetclassifier.testing.LogCapture;

/** Rules from files, hot reload, and a broken file that leaves the previous rules in force. */
class ActiveRulesTest {

    @TempDir
    Path dir;

    static String rule(String id, String needle, String technique) {
        return """
                title: Test rule %s
                id: %s
                logsource:
                    category: process_creation
                detection:
                    selection:
                        CommandLine|contains: '%s'
                    condition: selection
                tags:
                    - attack.discovery
                    - attack.%s
                level: high
                """.formatted(id, id, needle, technique);
    }

    static RulesConfig config(Path rules) {
        return new RulesConfig() {
            public Optional<List<Path>> sigmaPaths() {
                return Optional.of(List.of(rules));
            }

            public Optional<Path> fieldMapping() {
                return Optional.empty();
            }

            public Map<String, String> logsource() {
                return Map.of();
            }

            public Optional<Path> attackBundle() {
                return Optional.empty();
            }

            public boolean prefilter() {
                return true;
            }

            public Duration reloadInterval() {
                return Duration.ZERO;
            }
        };
    }

    static FieldSource process(String commandLine) {
        Map<String, String> fields = Map.of("event_id", "38b6dde6-b295-46b1-bad4-2b650569ff04",
                "event_type", "process_start", "command_line", commandLine);
        return fields::get;
    }

    @Test
    void changedFilesAreReloadedAndABrokenOneKeepsThePreviousRules() throws Exception {
        Path file = dir.resolve("whoami.yml");
        Files.writeString(file, rule("r-1", "whoami", "t1033"));
        ActiveRules rules = new ActiveRules(config(dir));
        assertThat(rules.size()).isEqualTo(6);
        assertThat(rules.classify(process("cmd.exe /c whoami")).technique()).isEqualTo("T1033");
        assertThat(rules.classify(process("cmd.exe /c whoami")).tactic()).isEqualTo("TA0007");
        assertThat(rules.classify(process("cmd.exe /c ipconfig")).technique()).as("seed fallback").isEqualTo("T1059.003");
        assertThat(rules.reloadIfChanged()).as("nothing changed").isFalse();

        write(file, rule("r-1", "ipconfig", "t1016"));
        assertThat(rules.reloadIfChanged()).isTrue();
        assertThat(rules.classify(process("cmd.exe /c ipconfig")).technique()).isEqualTo("T1016");
        assertThat(rules.classify(process("cmd.exe /c whoami")).technique()).isEqualTo("T1059.003");

        write(file, "title: [broken\n  yaml: {");
        assertThat(rules.reloadIfChanged()).isFalse();
        assertThat(rules.rejectedReload()).singleElement().satisfies(u -> assertThat(u.reason()).contains("YAML"));
        assertThat(rules.classify(process("cmd.exe /c ipconfig")).technique()).as("previous rules in force")
                .isEqualTo("T1016");

        write(file, rule("r-1", "netstat", "t1049"));
        assertThat(rules.reloadIfChanged()).isTrue();
        assertThat(rules.rejectedReload()).isEmpty();
        assertThat(rules.classify(process("netstat -ano")).technique()).isEqualTo("T1049");
    }

    @Test
    void anUnsupportedRuleIsReportedAndTheOthersLoad() throws Exception {
        Files.writeString(dir.resolve("a.yml"), rule("good", "whoami", "t1033"));
        Files.writeString(dir.resolve("b.yml"), rule("bad", "x", "t1033").replace("CommandLine|contains", "CommandLine|nosuchmodifier"));
        ActiveRules rules = new ActiveRules(config(dir));
        assertThat(rules.size()).isEqualTo(6);
        assertThat(rules.unsupported()).isEqualTo(1);
        assertThat(rules.current().unsupported().get(0).reason()).contains("nosuchmodifier");
    }

    @Test
    void theReportCountsSigmaAndSeedRulesFromTheRuleSet() throws Exception {
        Files.writeString(dir.resolve("a.yml"), rule("one", "whoami", "t1033") + "---\n" + rule("two", "ipconfig", "t1016"));
        try (LogCapture capture = LogCapture.of(ActiveRules.class.getName())) {
            ActiveRules rules = new ActiveRules(config(dir));
            int seed = SigmaRuleSet.builder(AttackCatalog.bundled()).withSeedRules().build().size();
            assertThat(capture.lines()).extracting(LogCapture.Line::message).anySatisfy(line -> assertThat(line)
                    .startsWith("Rules: " + (2 + seed) + " loaded (2 Sigma from " + dir + ", " + seed + " seed), 0 unsupported"));
            assertThat(rules.size()).isEqualTo(2 + seed);
        }
    }

    /** Modification times can be equal within a second on some file systems: move them on explicitly. */
    private static void write(Path file, String text) throws Exception {
        FileTime before = Files.getLastModifiedTime(file);
        Files.writeString(file, text);
        Files.setLastModifiedTime(file, FileTime.from(before.toInstant().plusSeconds(1).isAfter(Instant.now())
                ? before.toInstant().plusSeconds(1) : Instant.now()));
    }
}
