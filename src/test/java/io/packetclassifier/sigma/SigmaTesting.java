package io.packetclassifier.sigma;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.stream.Stream;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import io.packetclassifier.attack.AttackCatalog;

/** Small rules and events for the Sigma unit tests. */
final class SigmaTesting {

    static final AttackCatalog CATALOG = AttackCatalog.bundled();
    static final Path SHARED = Path.of("../shared/sigma");

    private static SigmaRuleSet sigmaHq;
    /** Each rule set built here, and the same rules built with the prefilter off. */
    private static final Map<SigmaRuleSet, SigmaRuleSet> UNFILTERED = Collections.synchronizedMap(new WeakHashMap<>());

    /** All 1,183 SigmaHQ rules and the seed rules, loaded once for the test classes that need them. */
    static synchronized SigmaRuleSet sigmaHq() {
        if (sigmaHq == null) {
            sigmaHq = build(SigmaRuleSet.builder(CATALOG).addPath(SHARED.resolve("rules")).withSeedRules());
        }
        return sigmaHq;
    }

    private SigmaTesting() {
    }

    /** The builder's rule set; {@link #withoutPrefilter} can then evaluate the same rules without the prefilter. */
    static SigmaRuleSet build(SigmaRuleSet.Builder builder) {
        SigmaRuleSet rules = builder.prefilter(true).build();
        UNFILTERED.put(rules, builder.prefilter(false).build());
        builder.prefilter(true);
        return rules;
    }

    /** The matches of the same rules with the prefilter off: every rule of the event's category evaluated. */
    static List<RuleMatch> withoutPrefilter(SigmaRuleSet rules, FieldSource event) {
        SigmaRuleSet unfiltered = UNFILTERED.get(rules);
        assertThat(unfiltered).as("a rule set built by SigmaTesting.build").isNotNull();
        return unfiltered.matches(event);
    }

    /** The detection block of every SigmaHQ rule, in file order, read with SnakeYAML apart from the engine. */
    static List<Map<?, ?>> sigmaHqDetections() {
        List<Map<?, ?>> detections = new ArrayList<>();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (Stream<Path> files = Files.walk(SHARED.resolve("rules"))) {
            for (Path file : files.filter(p -> p.toString().endsWith(".yml")).sorted().toList()) {
                for (Object document : yaml.loadAll(Files.readString(file))) {
                    if (document instanceof Map<?, ?> rule && rule.get("detection") instanceof Map<?, ?> detection) {
                        detections.add(detection);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return detections;
    }

    /** A process_creation rule with this detection block (given unindented, including its condition). */
    static String rule(String id, String level, String detection, String... tags) {
        StringBuilder yaml = new StringBuilder()
                .append("title: rule ").append(id).append('\n')
                .append("id: ").append(id).append('\n')
                .append("logsource:\n    product: windows\n    category: process_creation\n")
                .append("detection:\n").append(detection.indent(4))
                .append("level: ").append(level).append('\n');
        if (tags.length > 0) {
            yaml.append("tags:\n");
            for (String tag : tags) {
                yaml.append("    - ").append(tag).append('\n');
            }
        }
        return yaml.toString();
    }

    /** One rule, which must load. */
    static SigmaRuleSet load(String detection) {
        SigmaRuleSet rules = build(SigmaRuleSet.builder(CATALOG).addYaml("test", rule("r1", "medium", detection)));
        assertThat(rules.unsupported()).isEmpty();
        assertThat(rules.size()).isEqualTo(1);
        return rules;
    }

    /** One rule, which must be reported as unsupported; returns the reason. */
    static String rejected(String detection) {
        SigmaRuleSet rules = SigmaRuleSet.builder(CATALOG).addYaml("test", rule("r1", "medium", detection)).build();
        assertThat(rules.size()).isZero();
        assertThat(rules.unsupported()).hasSize(1);
        assertThat(rules.unsupported().get(0).rule()).isEqualTo("r1");
        return rules.unsupported().get(0).reason();
    }

    /** A process_start event from field/value pairs (null values are left out). */
    static FieldSource event(String... fieldsAndValues) {
        Map<String, String> fields = new HashMap<>();
        fields.put("event_type", "process_start");
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            if (fieldsAndValues[i + 1] != null) {
                fields.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
            } else {
                fields.remove(fieldsAndValues[i]);
            }
        }
        return fields::get;
    }

    /** Whether any rule fires; checks on the way that the prefilter changes nothing. */
    static boolean fires(SigmaRuleSet rules, FieldSource event) {
        List<RuleMatch> matches = rules.matches(event);
        assertThat(matches).as("with and without the prefilter").isEqualTo(withoutPrefilter(rules, event));
        return !matches.isEmpty();
    }

    static boolean fires(SigmaRuleSet rules, String... fieldsAndValues) {
        return fires(rules, event(fieldsAndValues));
    }

    static List<String> ids(SigmaRuleSet rules, FieldSource event) {
        List<String> ids = rules.matches(event).stream().map(RuleMatch::id).toList();
        assertThat(withoutPrefilter(rules, event).stream().map(RuleMatch::id).toList()).isEqualTo(ids);
        return ids;
    }
}
