package io.packetclassifier.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.packetclassifier.rules.ActiveRules;
import io.packetclassifier.output.csv.CsvConfig;
import io.packetclassifier.testing.KafkaBroker;
import io.packetclassifier.testing.TestEvents;
import io.packetclassifier.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The 40 regression events through Kafka with all 1,183 SigmaHQ rules: each fires its rule on classified-events,
 * whose traceparent continues the trace named by the event id, sampled or not.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
@TestProfile(SigmaPipelineTest.WithSigmaHq.class)
class SigmaPipelineTest {

    static final Path CSV = Path.of("target", "test-output", "sigma-" + UUID.randomUUID() + ".csv").toAbsolutePath();

    public static class WithSigmaHq implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("classifier.rules.sigma-paths", "../shared/sigma/rules",
                    "classifier.csv.path", CSV.toString(),
                    "classifier.csv.extra-columns", "true",
                    // half the events traced: both kinds of consume_event span must give classified-events a traceparent
                    "classifier.tracing.sample-ratio", "0.5");
        }
    }

    @Inject
    ActiveRules rules;

    @Inject
    CsvConfig csv;

    @Test
    void eachRegressionEventFiresItsRuleOnClassifiedEvents() throws Exception {
        assertThat(rules.size()).isEqualTo(1183 + 5);
        assertThat(rules.unsupported()).isZero();
        ObjectMapper json = new ObjectMapper();
        List<JsonNode> lines = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("../shared/sigma/regression/process_creation.jsonl"))) {
            lines.add(json.readTree(line));
        }
        // Fresh ids: the same regression events may already be in the topic from another test run.
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Map<String, JsonNode> expectById = new HashMap<>();
        for (JsonNode line : lines) {
            var event = (com.fasterxml.jackson.databind.node.ObjectNode) line.get("event").deepCopy();
            String id = UUID.randomUUID().toString();
            event.put("event_id", id);
            expectById.put(id, line);
            records.add(new ProducerRecord<>("raw-events", json.writeValueAsBytes(event)));
        }
        KafkaCompanion kafka = KafkaBroker.companion();
        kafka.produceWithSerializers(new ByteArraySerializer(), new ByteArraySerializer()).fromRecords(records)
                .awaitCompletion(Duration.ofSeconds(30));
        Map<String, JsonNode> published = new HashMap<>();
        java.util.Set<String> traceFlags = new java.util.HashSet<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
            for (ConsumerRecord<byte[], byte[]> record : TopicReader.readAll(KafkaBroker.broker().bootstrapServers(),
                    "classified-events")) {
                JsonNode value = json.readTree(record.value());
                String id = value.get("event_id").asText();
                if (expectById.containsKey(id)) {
                    assertThat(new String(record.key(), StandardCharsets.US_ASCII)).isEqualTo(id);
                    var traceparent = record.headers().lastHeader("traceparent");
                    assertThat(traceparent).as("traceparent of %s", id).isNotNull();
                    String header = new String(traceparent.value(), StandardCharsets.US_ASCII);
                    assertThat(header).matches("00-" + id.replace("-", "") + "-[0-9a-f]{16}-0[01]")
                            .doesNotContain("-0000000000000000-");
                    traceFlags.add(header.substring(53));
                    published.put(id, value);
                }
            }
            return published.keySet().containsAll(expectById.keySet());
        });

        assertThat(traceFlags).as("sampled and unsampled events among the 40").containsExactlyInAnyOrder("00", "01");
        Map<String, CSVRecord> rows = TestEvents.rowsById(csv.path());
        for (Map.Entry<String, JsonNode> entry : expectById.entrySet()) {
            JsonNode expect = entry.getValue().get("expect");
            JsonNode record = published.get(entry.getKey());
            String ruleId = expect.get("rule_id").asText();
            JsonNode match = null;
            for (JsonNode m : record.get("matches")) {
                if (m.get("rule_id").asText().equals(ruleId)) {
                    match = m;
                }
            }
            boolean parentOfTruePositive = ruleId.startsWith("4fe074b4")
                    && entry.getValue().get("event").get("image").asText().endsWith("\\cmd.exe");
            if (parentOfTruePositive) {
                assertThat(match).as("see SigmaHqRulesTest: the rule cannot match this cmd.exe event").isNull();
                continue;
            }
            assertThat(match).as("%s fires %s", entry.getKey(), expect.get("rule_title").asText()).isNotNull();
            List<String> techniques = new ArrayList<>();
            match.get("techniques").forEach(t -> techniques.add(t.get("id").asText()));
            List<String> expected = new ArrayList<>();
            expect.get("techniques").forEach(t -> expected.add(t.asText().toUpperCase()));
            assertThat(techniques).containsExactlyElementsOf(expected);
            assertThat(match.get("title").asText()).isEqualTo(expect.get("rule_title").asText());
            CSVRecord row = rows.get(entry.getKey());
            assertThat(row.get("mitre_technique")).isEqualTo(record.get("mitre_technique").asText());
            assertThat(row.get("mitre_tactic")).isEqualTo(record.get("mitre_tactic").asText());
            expected.forEach(t -> assertThat(row.get("all_techniques")).contains(t));
        }
        assertThat(TestEvents.headerLines(csv.path())).isEqualTo(1);
        assertThat(Files.readAllLines(csv.path()).get(0))
                .isEqualTo("event_id,timestamp,user,host,source_ip,event_type,mitre_tactic,mitre_technique,"
                        + "rule_id,technique_name,all_techniques");
    }
}
