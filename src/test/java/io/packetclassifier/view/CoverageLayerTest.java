package io.packetclassifier.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.packetclassifier.attack.AttackCatalog;
import io.packetclassifier.sigma.SigmaRuleSet;

/**
 * The coverage layer for the 1,183 SigmaHQ rules and the seed's: a valid 4.5 layer whose scores are the rules
 * per technique counted here from the rule files' own tags.
 */
class CoverageLayerTest {

    static final Path RULES = Path.of("../shared/sigma/rules");

    @Test
    void scoresAreTheLoadedRulesTaggedWithEachTechnique() throws Exception {
        AttackCatalog catalog = AttackCatalog.bundled();
        SigmaRuleSet set = SigmaRuleSet.builder(catalog).addPath(RULES).withSeedRules().build();
        Set<String> loaded = new HashSet<>();
        set.rules().forEach(rule -> loaded.add(rule.id()));
        Map<String, Integer> expected = new HashMap<>();
        for (Map<String, Object> rule : ruleDocuments()) {
            if (!loaded.contains(String.valueOf(rule.get("id")))) {
                continue;
            }
            Set<String> techniques = new HashSet<>();
            for (Object tag : (List<?>) rule.getOrDefault("tags", List.of())) {
                String t = tag.toString().toLowerCase(Locale.ROOT);
                if (t.matches("attack\\.t\\d{4}(\\.\\d{3})?") && catalog.technique(t.substring(7)).isPresent()) {
                    techniques.add(t.substring(7).toUpperCase(Locale.ROOT));
                }
            }
            techniques.forEach(t -> expected.merge(t, 1, Integer::sum));
        }
        assertThat(expected).as("rules' techniques in the catalog").hasSizeGreaterThan(100);

        NavigatorLayers layers = new NavigatorLayers(new DetectionHistory(true, Duration.ofHours(1),
                System::currentTimeMillis), new RuleCoverage(() -> set), catalog);
        JsonNode layer = new ObjectMapper().valueToTree(layers.coverage());
        assertThat(NavigatorLayerFormat.problems(layer, catalog)).isEmpty();
        Map<String, Integer> scores = new HashMap<>();
        layer.get("techniques").forEach(t -> scores.put(t.get("techniqueID").asText(), t.get("score").asInt()));
        assertThat(scores).isEqualTo(expected);
        assertThat(scores).containsEntry("T1059.003", expected.get("T1059.003")).containsKey("T1059.001");
        assertThat(layer.at("/versions/attack").asText()).isEqualTo("18");
        layer.get("techniques").forEach(t -> assertThat(t.has("metadata"))
                .as("no rule titles: a rule that never fired is in neither the CSV nor classified-events").isFalse());
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> ruleDocuments() throws IOException {
        List<Map<String, Object>> documents = new java.util.ArrayList<>();
        Yaml yaml = new Yaml(new SafeConstructor(new LoaderOptions()));
        try (Stream<Path> files = Files.walk(RULES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).toList()) {
                try (Reader reader = Files.newBufferedReader(file)) {
                    for (Object document : yaml.loadAll(reader)) {
                        if (document instanceof Map<?, ?> map) {
                            documents.add((Map<String, Object>) map);
                        }
                    }
                }
            }
        }
        try (Reader seed = new java.io.InputStreamReader(SigmaRuleSet.class.getResourceAsStream(SigmaRuleSet.SEED_RULES),
                java.nio.charset.StandardCharsets.UTF_8)) {
            for (Object document : yaml.loadAll(seed)) {
                documents.add((Map<String, Object>) document);
            }
        }
        return documents;
    }
}
