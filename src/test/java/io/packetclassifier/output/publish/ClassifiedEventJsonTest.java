package io.packetclassifier.output.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.packetclassifier.event.SecurityEvent;
import io.packetclassifier.sigma.Classification;
import io.packetclassifier.sigma.RuleMatch;

/** The classified-events document: every value survives a JSON parser unchanged, whatever characters it holds. */
class ClassifiedEventJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ID = "3f2b8c1e-0000-4000-8000-00000000abcd";
    private final ClassifiedEventJson documents = new ClassifiedEventJson(true);

    private static final RuleMatch RULE = new RuleMatch("rule-1", "Title with \"quotes\" and \\ back\\slash",
            "high", "seed", List.of("TA0002"), List.of(new RuleMatch.TechniqueRef("T1059", "Command and Scripting"),
                    new RuleMatch.TechniqueRef("T9999", null)));

    @Test
    void everyCharacterRoundTrips() throws Exception {
        String[] awkward = { "", "plain", "quote \" backslash \\ slash /", "tab\tnewline\ncr\rbell\u0007nul\u0000",
                "del\u007f latin é ß", "cjk 漢字", "emoji 😀 🛡", "lone high \ud800 end", "lone low \udc00",
                "=cmd|' /C calc'!A0", "\u2028\u2029" };
        for (String value : awkward) {
            JsonNode json = MAPPER.readTree(documents.json(event(value, value),
                    new Classification("TA0002", "T1059", List.of(RULE, RULE))));
            assertThat(json.get("timestamp").asText()).as("%s", value).isEqualTo(value);
            assertThat(json.get("user").asText()).isEqualTo(value);
            assertThat(json.get("host").asText()).isEqualTo(value);
            assertThat(json.get("event_type").asText()).isEqualTo(value);
            assertThat(json.get("event_id").asText()).isEqualTo(ID);
            assertThat(json.get("mitre_tactic").asText()).isEqualTo("TA0002");
            assertThat(json.get("mitre_technique").asText()).isEqualTo("T1059");
            assertThat(json.get("matches")).hasSize(2);
            JsonNode match = json.get("matches").get(1);
            assertThat(match.get("rule_id").asText()).isEqualTo("rule-1");
            assertThat(match.get("title").asText()).isEqualTo(RULE.title());
            assertThat(match.get("level").asText()).isEqualTo("high");
            assertThat(match.get("tactics").get(0).asText()).isEqualTo("TA0002");
            assertThat(match.get("techniques").get(0).get("name").asText()).isEqualTo("Command and Scripting");
            assertThat(match.get("techniques").get(1).get("name").isNull()).isTrue();
        }
    }

    @Test
    void noMatchesIsAnEmptyArray() throws Exception {
        JsonNode json = MAPPER.readTree(documents.json(event("t", "other"),
                new Classification(Classification.NO_TACTIC, Classification.NO_TECHNIQUE, List.of())));
        assertThat(json.get("matches").isArray()).isTrue();
        assertThat(json.get("matches")).isEmpty();
        assertThat(json.get("mitre_technique").asText()).isEqualTo("T0000");
    }

    /** Each document alone, nothing between or around them; characters beyond the BMP as UTF-8, not escapes. */
    @Test
    void documentsAreCompactUtf8AndEachStandsAlone() {
        Classification none = new Classification(Classification.NO_TACTIC, Classification.NO_TECHNIQUE, List.of());
        for (int i = 0; i < 2; i++) {
            assertThat(new String(documents.json(event("😀 \ud800", "other"), none), StandardCharsets.UTF_8))
                    .isEqualTo("{\"event_id\":\"" + ID + "\",\"timestamp\":\"😀 \\uD800\",\"event_type\":\"other\","
                            + "\"host\":\"😀 \\uD800\",\"user\":\"😀 \\uD800\",\"mitre_tactic\":\"TA0000\","
                            + "\"mitre_technique\":\"T0000\",\"matches\":[]}");
        }
    }

    @Test
    void nothingWhenPublishingIsOff() {
        assertThat(new ClassifiedEventJson(false).json(event("t", "other"),
                new Classification("TA0002", "T1059", List.of(RULE)))).isNull();
    }

    private static SecurityEvent event(String value, String eventType) {
        return new SecurityEvent(ID, value, value, value, value, eventType, Map.of(), 0x3f2b8c1e00004000L,
                0x800000000000abcdL);
    }
}
