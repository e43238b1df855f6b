package io.packetclassifier.output.csv;

import static io.packetclassifier.testing.TestEvents.event;
import static io.packetclassifier.testing.TestEvents.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.packetclassifier.testing.KafkaBroker;
import io.packetclassifier.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The CSV's directory disappears and a file takes its place: writes fail, offsets stay uncommitted, readiness is
 * DOWN and liveness UP, the writer retries for as long as it takes; once the directory can be made again every
 * event is written exactly once.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
@TestProfile(CsvWriteFailureTest.OwnFile.class)
class CsvWriteFailureTest {

    static final Path DIR = Path.of("target", "test-output", "failing-" + UUID.randomUUID()).toAbsolutePath();

    public static class OwnFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("classifier.csv.path", DIR.resolve("classified_packets.csv").toString());
        }
    }

    @Inject
    CsvOutput output;

    @Inject
    CsvConfig csv;

    @Test
    void anOutageOfMoreThanAMinuteIsRetriedWithNothingCommittedOrLost() throws Exception {
        KafkaCompanion kafka = KafkaBroker.companion();
        List<String> before = produce(kafka, 50);
        await().atMost(Duration.ofSeconds(30)).until(() -> TestEvents.rowsById(csv.path()).keySet().containsAll(before));
        TopicPartition partition = new TopicPartition("raw-events", 0);
        long committed = kafka.offsets().get(partition, OffsetSpec.latest()).offset();
        await().atMost(Duration.ofSeconds(30)).until(() -> committedOffset(kafka, partition) == committed);

        try (var files = Files.list(DIR)) {
            for (Path p : files.toList()) {
                Files.delete(p);
            }
        }
        Files.delete(DIR);
        Files.writeString(DIR, "a file where the directory was");

        List<String> during = produce(kafka, 100);
        long end = kafka.offsets().get(partition, OffsetSpec.latest()).offset();
        await().atMost(Duration.ofSeconds(30)).until(() -> output.problem() != null);
        assertThat(committed).as("records wait unwritten").isLessThan(end);
        // Longer than the Kafka connector's default patience with unacknowledged records (60 s), after which it
        // would stop consuming for good: the writer alone decides, and it retries until the rows are written.
        await().during(Duration.ofSeconds(65)).atMost(Duration.ofSeconds(80)).until(
                () -> committedOffset(kafka, partition) == committed && output.problem() != null
                        && healthStatus("/q/health/live") == 200 && healthStatus("/q/health/ready") == 503);

        Files.delete(DIR);
        await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(csv.path())
                && TestEvents.rowsById(csv.path()).keySet().containsAll(during));
        // the problem is cleared after the flush that made the rows visible: wait for it rather than race it
        await().atMost(Duration.ofSeconds(10)).until(() -> output.problem() == null);
        assertThat(TestEvents.records(csv.path())).extracting(r -> r.get("event_id"))
                .containsExactlyElementsOf(during);
        assertThat(TestEvents.headerLines(csv.path())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(
                () -> committedOffset(kafka, partition) == end);
    }

    static int healthStatus(String path) {
        return given().when().get(path).statusCode();
    }

    static long committedOffset(KafkaCompanion kafka, TopicPartition partition) {
        var committed = kafka.consumerGroups().offsets("packet-classifier", partition);
        return committed == null ? -1 : committed.offset();
    }

    static List<String> produce(KafkaCompanion kafka, int count) {
        List<String> ids = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Map<String, Object> e = event("user_login", Map.of("logon_type", "success"));
            ids.add((String) e.get("event_id"));
            records.add(new ProducerRecord<>("raw-events", json(e)));
        }
        kafka.produceWithSerializers(new ByteArraySerializer(), new ByteArraySerializer()).fromRecords(records)
                .awaitCompletion(Duration.ofSeconds(30));
        return ids;
    }
}
