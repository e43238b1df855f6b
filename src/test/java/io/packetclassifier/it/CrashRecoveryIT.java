package io.packetclassifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;

import org.apache.commons.csv.CSVRecord;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.packetclassifier.generator.SampleEvents;
import io.packetclassifier.testing.KafkaBroker;
import io.packetclassifier.testing.ServiceProcess;
import io.packetclassifier.testing.TestEvents;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * The packaged service killed (SIGKILL) at random points mid-stream and restarted, or stopped with
 * SIGTERM: every event ends in the CSV exactly once.
 */
class CrashRecoveryIT {

    static final int EVENTS = 50_000;
    static final ObjectMapper JSON = new ObjectMapper();
    static final KafkaCompanion kafka = KafkaBroker.companion();

    @Test
    void killedThreeTimesMidStreamEveryEventIsWrittenExactlyOnce() throws Exception {
        String run = "crash-" + UUID.randomUUID();
        Set<String> ids = produce(run, EVENTS);
        Path csv = Path.of("target", "it-output", run + ".csv").toAbsolutePath();
        Random random = new Random();
        long seed = random.nextLong();
        random.setSeed(seed);
        List<Integer> killPoints = new ArrayList<>();
        int point = 0;
        for (int k = 0; k < 3; k++) {
            point += 2_000 + random.nextInt(12_000);
            killPoints.add(point);
        }
        for (int killAt : killPoints) {
            try (ServiceProcess service = ServiceProcess.start(config(run, csv), log(run))) {
                await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(5))
                        .until(() -> dataLines(csv) >= killAt);
                service.kill();
            }
            assertThat(dataLines(csv)).as("killed mid-stream (seed %d, points %s)", seed, killPoints).isLessThan(EVENTS);
        }
        try (ServiceProcess service = ServiceProcess.start(config(run, csv), log(run))) {
            awaitAllRows(csv, ids);
        }
        assertExactlyOnce(csv, ids);
    }

    @Test
    void sigtermDrainsFlushesCommitsAndExitsWithinTenSeconds() throws Exception {
        String run = "term-" + UUID.randomUUID();
        Set<String> ids = produce(run, EVENTS);
        Path csv = Path.of("target", "it-output", run + ".csv").toAbsolutePath();
        try (ServiceProcess service = ServiceProcess.start(config(run, csv), log(run))) {
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(5)).until(() -> dataLines(csv) >= 5_000);
            long start = System.nanoTime();
            int exit = service.stop(10);
            assertThat(exit).as("exit code after SIGTERM").isNotEqualTo(-1);
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
        }
        assertThat(Files.readString(csv)).endsWith("\r\n");
        assertExactlyOnce(csv, subsetWritten(csv));
        try (ServiceProcess service = ServiceProcess.start(config(run, csv), log(run))) {
            awaitAllRows(csv, ids);
        }
        assertExactlyOnce(csv, ids);
    }

    static Map<String, String> config(String run, Path csv) {
        Map<String, String> config = new HashMap<>();
        config.put("kafka.bootstrap.servers", KafkaBroker.broker().bootstrapServers());
        config.put("mp.messaging.incoming.raw-events.topic", run);
        config.put("mp.messaging.incoming.raw-events.group.id", run);
        config.put("classifier.csv.path", csv.toString());
        config.put("quarkus.http.port", "0");
        // A killed member holds its partitions until session.timeout.ms passes: keep that short here.
        config.put("mp.messaging.incoming.raw-events.session.timeout.ms", "6000");
        config.put("mp.messaging.incoming.raw-events.heartbeat.interval.ms", "1000");
        config.put("quarkus.otel.sdk.disabled", "true");
        return config;
    }

    static Path log(String run) {
        return Path.of("target", "it-output", run + ".log");
    }

    static Set<String> produce(String topic, int count) throws IOException {
        Random random = new Random();
        Set<String> ids = new HashSet<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] event = SampleEvents.next(random);
            ids.add(JSON.readTree(event).get("event_id").asText());
            records.add(new ProducerRecord<>(topic, event));
        }
        kafka.produceWithSerializers(new ByteArraySerializer(), new ByteArraySerializer())
                .fromRecords(records).awaitCompletion(Duration.ofSeconds(120));
        return ids;
    }

    static long dataLines(Path csv) throws IOException {
        if (!Files.exists(csv)) {
            return 0;
        }
        try (var lines = Files.lines(csv)) {
            return Math.max(0, lines.count() - 1);
        }
    }

    static void awaitAllRows(Path csv, Set<String> ids) {
        await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                .until(() -> dataLines(csv) >= ids.size());
    }

    static Set<String> subsetWritten(Path csv) throws IOException {
        Set<String> written = new HashSet<>();
        for (CSVRecord row : TestEvents.records(csv)) {
            written.add(row.get("event_id"));
        }
        return written;
    }

    static void assertExactlyOnce(Path csv, Set<String> ids) throws IOException {
        List<CSVRecord> rows = TestEvents.records(csv);
        Map<String, Integer> seen = new HashMap<>();
        for (CSVRecord row : rows) {
            seen.merge(row.get("event_id"), 1, Integer::sum);
        }
        assertThat(seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("duplicated event ids").isEmpty();
        assertThat(seen.keySet()).as("written event ids").containsExactlyInAnyOrderElementsOf(ids);
        assertThat(TestEvents.headerLines(csv)).isEqualTo(1);
        assertThat(rows).allSatisfy(row -> assertThat(row.size()).isEqualTo(8));
    }
}
