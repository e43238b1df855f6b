package io.packetclassifier.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.packetclassifier.sigma.AdversarialCommandLines;
import io.packetclassifier.sigma.AdversarialCommandLines.CommandLine;
import io.packetclassifier.testing.KafkaBroker;
import io.packetclassifier.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Through Kafka with all SigmaHQ rules: command lines of the maximum length shaped against the rules'
 * patterns, mixed into a stream of ordinary events, do not hold the stream up: every event is written,
 * each shaped line three times and the ordinary events around them, well within a minute.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
@TestProfile(AdversarialStreamTest.WithSigmaHq.class)
class AdversarialStreamTest {

    static final Path CSV = Path.of("target", "test-output", "adversarial-" + UUID.randomUUID() + ".csv").toAbsolutePath();
    static final int ORDINARY_BETWEEN = 20;

    public static class WithSigmaHq implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("classifier.rules.sigma-paths", "../shared/sigma/rules", "classifier.csv.path", CSV.toString());
        }
    }

    @Inject
    ActiveRules rules;

    @Test
    void shapedCommandLinesMixedIntoOrdinaryEventsAreAllWrittenWithoutStallingTheStream() throws Exception {
        assertThat(rules.size()).isEqualTo(1183 + 5);
        List<CommandLine> shaped = new ArrayList<>();
        for (int copy = 0; copy < 3; copy++) {
            shaped.addAll(AdversarialCommandLines.shaped());
        }
        shaped.addAll(AdversarialCommandLines.perPattern());
        SplittableRandom random = new SplittableRandom(16);
        Map<String, String> nameById = new LinkedHashMap<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (CommandLine line : shaped) {
            for (int i = 0; i < ORDINARY_BETWEEN; i++) {
                records.add(record(ordinary(random), "ordinary", nameById));
            }
            Map<String, Object> fields = new HashMap<>(AdversarialCommandLines.event(line));
            records.add(record(fields, line.name(), nameById));
        }
        long start = System.nanoTime();
        KafkaBroker.companion().produceWithSerializers(new ByteArraySerializer(), new ByteArraySerializer())
                .fromRecords(records).awaitCompletion(Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200))
                .until(() -> TestEvents.rowsById(CSV).keySet().containsAll(nameById.keySet()));
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%,d events (%d shaped command lines of %,d characters) written in %.1f s%n", records.size(),
                shaped.size(), AdversarialCommandLines.MAX_LENGTH, seconds);
        assertThat(TestEvents.rowsById(CSV)).hasSize(nameById.size());
    }

    private static ProducerRecord<byte[], byte[]> record(Map<String, Object> fields, String name, Map<String, String> nameById) {
        Map<String, Object> event = TestEvents.event("process_start", fields);
        nameById.put((String) event.get("event_id"), name);
        return new ProducerRecord<>("raw-events", TestEvents.json(event));
    }

    private static Map<String, Object> ordinary(SplittableRandom random) {
        String[] lines = { "cmd.exe /c whoami", "powershell.exe -NoProfile -Command Get-Process", "notepad.exe report.txt",
                "C:\\Windows\\System32\\svchost.exe -k netsvcs -p", "\"C:\\Program Files\\App\\app.exe\" --update" };
        return Map.of("command_line", lines[random.nextInt(lines.length)], "image", "C:\\Windows\\System32\\cmd.exe");
    }
}
