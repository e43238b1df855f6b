package io.packetclassifier.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.packetclassifier.event.SecurityEvent;
import io.packetclassifier.sigma.Classification;
import io.packetclassifier.sigma.RuleMatch;

/**
 * The classified-events document and the CSV row: every value survives a JSON parser / a CSV parser unchanged,
 * whatever characters it holds.
 */
class ClassifiedEventJsonTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final ClassifiedEventEncoder encoder = new ClassifiedEventEncoder(true, false, true);

    private static final RuleMatch RULE = new RuleMatch("rule-1", "Title with \"quotes\" and \\ back\\slash",
            "high", "seed", List.of("TA0002"), List.of(new RuleMatch.TechniqueRef("T1059", "Command and Scripting"),
                    new RuleMatch.TechniqueRef("T9999", null)));

    @Test
    void everyCharacterRoundTrips() throws Exception {
        String[] awkward = { "", "plain", "quote \" backslash \\ slash /", "tab\tnewline\ncr\rbell\u0007nul\u0000",
                "del\u007f latin é ß", "cjk 漢字", "emoji 😀 🛡", "lone high \ud800 end", "lone low \udc00",
                "=cmd|' /C calc'!A0", "\u2028\u2029" };
        for (String value : awkward) {
            SecurityEvent event = new SecurityEvent("3f2b8c1e-0000-4000-8000-00000000abcd", value, value, value, value,
                    value, Map.of());
            JsonNode json = MAPPER.readTree(
                    encoder.json(event, new Classification("TA0002", "T1059", List.of(RULE, RULE))));
            assertThat(json.get("timestamp").asText()).as("%s", value).isEqualTo(value);
            assertThat(json.get("user").asText()).isEqualTo(value);
            assertThat(json.get("host").asText()).isEqualTo(value);
            assertThat(json.get("event_type").asText()).isEqualTo(value);
            assertThat(json.get("event_id").asText()).isEqualTo(event.eventId());
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
        SecurityEvent event = new SecurityEvent("3f2b8c1e-0000-4000-8000-00000000abcd", "t", "u", "h", "ip", "other",
                Map.of());
        JsonNode json = MAPPER.readTree(encoder.json(event,
                new Classification(Classification.NO_TACTIC, Classification.NO_TECHNIQUE, List.of())));
        assertThat(json.get("matches").isArray()).isTrue();
        assertThat(json.get("matches")).isEmpty();
        assertThat(json.get("mitre_technique").asText()).isEqualTo("T0000");
    }

    @Test
    void csvRowParsesBackToTheValues() throws Exception {
        ClassifiedEventEncoder plain = new ClassifiedEventEncoder(false, true, false);
        String tricky = "a,b \"c\"\r\nd 😀";
        SecurityEvent event = new SecurityEvent("3f2b8c1e-0000-4000-8000-00000000abcd", tricky, "=1+2", "h", "",
                "process_start", Map.of());
        String row = plain.csvRow(event, new Classification("TA0002", "T1059", List.of(RULE)));
        assertThat(row).endsWith("\r\n");
        var record = org.apache.commons.csv.CSVParser.parse(row, ClassifiedCsvFile.FORMAT).getRecords().get(0);
        assertThat(record.toList()).containsExactly(event.eventId(), tricky, "=1+2", "h", "", "process_start", "TA0002",
                "T1059", "rule-1", "Command and Scripting", "T1059;T9999");
        assertThat(plain.json(event, new Classification("TA0002", "T1059", List.of(RULE)))).as("publishing off").isNull();
        String escaped = new ClassifiedEventEncoder(true, false, false).csvRow(event,
                new Classification("TA0002", "T1059", List.of(RULE)));
        assertThat(org.apache.commons.csv.CSVParser.parse(escaped, ClassifiedCsvFile.FORMAT).getRecords().get(0).get(2))
                .isEqualTo("'=1+2");
    }
}
