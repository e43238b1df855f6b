package io.packetclassifier.pipeline;

import static io.packetclassifier.testing.TestEvents.event;
import static io.packetclassifier.testing.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.packetclassifier.output.csv.CsvConfig;
import io.packetclassifier.output.deadletter.DeadLetterQueue;
import io.packetclassifier.testing.KafkaBroker;
import io.packetclassifier.testing.TestEvents;
import io.packetclassifier.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** Each kind of bad input goes to the dead-letter topic with its reason; the good events around it are written in order. */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
class DeadLetterTest {

    static final KafkaCompanion kafka = KafkaBroker.companion();

    @Inject
    CsvConfig csv;

    /** Bad input → the reason code it must get (one of each kind; EventParserTest has the variants). */
    static Map<String, byte[]> badInputs() {
        Map<String, byte[]> bad = new LinkedHashMap<>();
        bad.put("invalid-json", "{\"event_id\": \"abc".getBytes(StandardCharsets.UTF_8));
        bad.put("not-an-object", "[1,2,3]".getBytes(StandardCharsets.UTF_8));
        bad.put("empty", new byte[0]);
        bad.put("invalid-utf8", new byte[] { '{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' });
        bad.put("missing-event-id", json(event("process_start", mapWithNull("event_id"))));
        bad.put("invalid-event-id", json(event("process_start", Map.of("event_id", "not-a-uuid"))));
        bad.put("missing-event-type", json(event("process_start", mapWithNull("event_type"))));
        bad.put("wrong-type", json(event("process_start", Map.of("host", List.of("a", "b")))));
        bad.put("too-large", json(event("process_start", Map.of("pad", "x".repeat((1 << 20) + 10)))));
        bad.put("too-deep", ("{\"event_id\":\"" + UUID.randomUUID() + "\",\"event_type\":\"a\",\"extra\":"
                + "{\"a\":".repeat(10_000) + "1" + "}".repeat(10_000) + "}").getBytes(StandardCharsets.UTF_8));
        bad.put("duplicate-key", ("{\"event_id\":\"" + UUID.randomUUID() + "\",\"event_type\":\"a\",\"event_type\":\"b\"}")
                .getBytes(StandardCharsets.UTF_8));
        return bad;
    }


    @Test
    void badRecordsAreDeadLetteredWithTheirReasonAndGoodOnesAroundThemAreWritten() throws Exception {
        String marker = UUID.randomUUID().toString();
        List<String> goodIds = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Map<String, byte[]> bad = badInputs();
        for (Map.Entry<String, byte[]> entry : bad.entrySet()) {
            Map<String, Object> good = event("user_login", Map.of("logon_type", "failure", "host", marker));
            goodIds.add((String) good.get("event_id"));
            records.add(new ProducerRecord<>("raw-events", json(good)));
            records.add(new ProducerRecord<>("raw-events", marker.getBytes(StandardCharsets.UTF_8), entry.getValue()));
        }
        records.add(new ProducerRecord<>("raw-events", marker.getBytes(StandardCharsets.UTF_8), null)); // tombstone
        Map<String, Object> last = event("file_create", Map.of("host", marker));
        goodIds.add((String) last.get("event_id"));
        records.add(new ProducerRecord<>("raw-events", json(last)));
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KafkaBroker.broker().bootstrapServers(),
                ProducerConfig.MAX_REQUEST_SIZE_CONFIG, 4 << 20), new ByteArraySerializer(), new ByteArraySerializer())) {
            for (ProducerRecord<byte[], byte[]> record : records) {
                producer.send(record).get();
            }
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> deadLettersFor(marker).size() == bad.size() + 1);
        List<ConsumerRecord<byte[], byte[]>> ours = deadLettersFor(marker);
        List<String> reasons = ours.stream().map(r -> KafkaCompanion.getHeader(r.headers(), DeadLetterQueue.REASON)).toList();
        List<String> expected = new ArrayList<>(bad.keySet());
        expected.add("empty");
        assertThat(reasons).containsExactlyElementsOf(expected);
        for (ConsumerRecord<byte[], byte[]> record : ours) {
            assertThat(KafkaCompanion.getHeader(record.headers(), DeadLetterQueue.TOPIC)).isEqualTo("raw-events");
            assertThat(KafkaCompanion.getHeader(record.headers(), DeadLetterQueue.PARTITION)).isEqualTo("0");
            assertThat(Long.parseLong(KafkaCompanion.getHeader(record.headers(), DeadLetterQueue.OFFSET))).isNotNegative();
            assertThat(KafkaCompanion.getHeader(record.headers(), DeadLetterQueue.CAUSE)).isNotBlank();
        }
        byte[] invalidJson = bad.get("invalid-json");
        assertThat(ours.get(0).value()).as("the original bytes, unchanged").isEqualTo(invalidJson);
        assertThat(ours.get(ours.size() - 1).value()).as("a tombstone stays a tombstone").isNull();

        await().atMost(Duration.ofSeconds(30)).until(() -> TestEvents.rowsById(csv.path()).keySet().containsAll(goodIds));
        List<String> written = TestEvents.records(csv.path()).stream().filter(r -> r.get("host").equals(marker))
                .map(r -> r.get("event_id")).toList();
        assertThat(written).as("good events, in order, once").containsExactlyElementsOf(goodIds);
    }

    static List<ConsumerRecord<byte[], byte[]>> deadLettersFor(String marker) {
        return TopicReader.readAll(KafkaBroker.broker().bootstrapServers(), "raw-events-dlq").stream()
                .filter(r -> r.key() != null && new String(r.key(), StandardCharsets.UTF_8).equals(marker)).toList();
    }

    static Map<String, Object> mapWithNull(String key) {
        Map<String, Object> map = new java.util.HashMap<>();
        map.put(key, null);
        return map;
    }
}
