package io.packetclassifier.output;

import static io.packetclassifier.testing.TestEvents.event;
import static io.packetclassifier.testing.TestEvents.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Partitioner;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.Cluster;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

import io.packetclassifier.output.deadletter.DeadLetterQueue;
import io.packetclassifier.testing.KafkaBroker;
import io.packetclassifier.testing.Prometheus;
import io.packetclassifier.testing.TestEvents;
import io.packetclassifier.testing.TopicReader;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * A producer that throws from {@code send()} (here its partitioner, a plug-in it calls inside {@code send()}, as it
 * calls the serializers and the compression codec) fails the write like a broker that refuses the records: for
 * {@code classified-events} and for the dead-letter topic alike, nothing is committed and readiness is DOWN while
 * it throws, the batch is retried, and once the producers work again every event is written exactly once.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
@TestProfile(ProducerExceptionsAreWriteFailuresTest.ThrowingProducers.class)
class ProducerExceptionsAreWriteFailuresTest {

    static final Path CSV = Path.of("target", "test-output", "throwing-" + UUID.randomUUID(), "classified_packets.csv")
            .toAbsolutePath();
    static final Duration TIMEOUT = Duration.ofSeconds(60);
    static final TopicPartition RAW_EVENTS = new TopicPartition("raw-events", 0);

    /** Both producers of the service (classified-events and the dead-letter channel) get the partitioner. */
    public static class ThrowingProducers implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("classifier.csv.path", CSV.toString(), "kafka.partitioner.class",
                    ThrowingPartitioner.class.getName());
        }
    }

    /** Kafka's partitioning of keyed records, or a RuntimeException while {@link #throwing} is set. */
    public static class ThrowingPartitioner implements Partitioner {

        static volatile boolean throwing;

        @Override
        public int partition(String topic, Object key, byte[] keyBytes, Object value, byte[] valueBytes,
                Cluster cluster) {
            if (throwing) {
                throw new IllegalStateException("the partitioner fails, as a broken serializer or codec would");
            }
            int partitions = cluster.partitionsForTopic(topic).size();
            return keyBytes == null ? 0 : Utils.toPositive(Utils.murmur2(keyBytes)) % partitions;
        }

        @Override
        public void configure(Map<String, ?> configs) {
        }

        @Override
        public void close() {
        }
    }

    @Test
    void whileTheProducersThrowNothingIsCommittedAndReadinessIsDownThenEveryEventIsWrittenOnce() throws Exception {
        KafkaCompanion kafka = KafkaBroker.companion();
        List<String> before = produce(kafka, 20, 0).events();
        await().atMost(TIMEOUT).until(() -> TestEvents.rowsById(CSV).keySet().containsAll(before));
        await().atMost(TIMEOUT).until(() -> committedOffset(kafka) == end(kafka));
        awaitReadiness("UP");
        Prometheus metricsBefore = Prometheus.scrape();

        // Records that are not events only: the dead-letter channel's producer throws.
        Produced bad = whileThrowing(kafka, () -> produce(kafka, 0, 3), "dead-letter topic: ");
        // Events: the classified-events producer throws.
        Produced good = whileThrowing(kafka, () -> produce(kafka, 200, 0), "publishing to classified-events failed: ");

        List<String> ours = concat(before, good.events());
        assertThat(TestEvents.records(CSV)).extracting(row -> row.get("event_id")).filteredOn(ours::contains)
                .as("every row once, in order").containsExactlyElementsOf(ours);
        List<String> published = TopicReader.readAll(KafkaBroker.broker().bootstrapServers(), "classified-events")
                .stream().map(record -> new String(record.key(), StandardCharsets.US_ASCII)).toList();
        assertThat(published).as("every event published").containsAll(good.events());
        List<ConsumerRecord<byte[], byte[]>> deadLetters = TopicReader
                .readAll(KafkaBroker.broker().bootstrapServers(), "raw-events-dlq");
        assertThat(deadLetters).filteredOn(record -> bad.marker().equals(key(record)))
                .extracting(record -> KafkaCompanion.getHeader(record.headers(), DeadLetterQueue.REASON))
                .as("dead-lettered with their reason").containsOnly("invalid-json");
        assertThat(deadLetters.stream().filter(record -> bad.marker().equals(key(record)))
                .map(record -> KafkaCompanion.getHeader(record.headers(), DeadLetterQueue.OFFSET)).distinct())
                .as("every bad record dead-lettered").hasSize(3);
        assertThat(Prometheus.scrape().value("classifier_events_dead_lettered_total", "reason=invalid-json")
                - metricsBefore.value("classifier_events_dead_lettered_total", "reason=invalid-json"))
                .as("counted once, however many attempts").isEqualTo(3.0);
    }

    /**
     * Produces while the partitioner throws: readiness {@code publishing} goes DOWN with {@code reason} and the
     * committed offset stays where it was; then the partitioner works again and everything is committed.
     */
    private static Produced whileThrowing(KafkaCompanion kafka, Supplier<Produced> producing, String reason) {
        long committed = committedOffset(kafka);
        ThrowingPartitioner.throwing = true;
        Produced produced;
        try {
            produced = producing.get();
            JsonPath down = awaitReadiness("DOWN");
            assertThat(down.getString("checks.find { it.name == 'publishing' }.data.reason")).startsWith(reason)
                    .contains("the partitioner fails");
            await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(10))
                    .until(() -> committedOffset(kafka) == committed);
            assertThat(end(kafka)).as("records wait uncommitted").isGreaterThan(committed);
        } finally {
            ThrowingPartitioner.throwing = false;
        }
        await().atMost(TIMEOUT).until(() -> committedOffset(kafka) == end(kafka));
        awaitReadiness("UP");
        return produced;
    }

    record Produced(List<String> events, String marker) {
    }

    /** {@code good} events, then {@code bad} records that are not JSON, keyed by a marker of this call. */
    static Produced produce(KafkaCompanion kafka, int good, int bad) {
        String marker = UUID.randomUUID().toString();
        List<String> ids = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < good; i++) {
            Map<String, Object> e = event("user_login", Map.of("logon_type", "failure"));
            ids.add((String) e.get("event_id"));
            records.add(new ProducerRecord<>("raw-events", json(e)));
        }
        for (int i = 0; i < bad; i++) {
            records.add(new ProducerRecord<>("raw-events", marker.getBytes(StandardCharsets.UTF_8),
                    "{\"event_id\": ".getBytes(StandardCharsets.UTF_8)));
        }
        kafka.produceWithSerializers(new ByteArraySerializer(), new ByteArraySerializer()).fromRecords(records)
                .awaitCompletion(TIMEOUT);
        return new Produced(ids, marker);
    }

    static String key(ConsumerRecord<byte[], byte[]> record) {
        return record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8);
    }

    static long end(KafkaCompanion kafka) {
        return kafka.offsets().get(RAW_EVENTS, OffsetSpec.latest()).offset();
    }

    static long committedOffset(KafkaCompanion kafka) {
        var committed = kafka.consumerGroups().offsets("packet-classifier", RAW_EVENTS);
        return committed == null ? -1 : committed.offset();
    }

    static JsonPath awaitReadiness(String status) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(
                () -> given().when().get("/q/health/ready").then().extract().jsonPath(),
                json -> status.equals(json.getString("status")));
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }
}
