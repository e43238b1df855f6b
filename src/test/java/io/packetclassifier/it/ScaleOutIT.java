package io.packetclassifier.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

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
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.packetclassifier.generator.SampleEvents;
import io.packetclassifier.testing.KafkaBroker;
import io.packetclassifier.testing.ServiceProcess;
import io.packetclassifier.testing.TestEvents;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/**
 * Two instances in one group on a 4-partition topic, each with its own file; one is killed mid-stream. The
 * survivor takes its partitions over and, reading the other file's end, writes none of its events twice.
 */
class ScaleOutIT {

    static final int EVENTS = 50_000;

    @Test
    void theUnionOfBothFilesHoldsEveryEventExactlyOnce() throws Exception {
        String run = "scale-" + UUID.randomUUID();
        Path csvA = Path.of("target", "it-output", run + "-a.csv").toAbsolutePath();
        Path csvB = Path.of("target", "it-output", run + "-b.csv").toAbsolutePath();
        Set<String> ids = new HashSet<>();
        KafkaCompanion kafka = KafkaBroker.companion();
        kafka.topics().createAndWait(run, 4);
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        Random random = new Random();
        ObjectMapper json = new ObjectMapper();
        for (int i = 0; i < EVENTS; i++) {
            byte[] event = SampleEvents.next(random);
            ids.add(json.readTree(event).get("event_id").asText());
            records.add(new ProducerRecord<>(run, i % 4, null, event));
        }
        try (ServiceProcess a = ServiceProcess.start(config(run, csvA, csvB), CrashRecoveryIT.log(run + "-a"));
                ServiceProcess b = ServiceProcess.start(config(run, csvB, csvA), CrashRecoveryIT.log(run + "-b"))) {
            // Both members must have joined before the data arrives, so both get partitions.
            await().atMost(Duration.ofSeconds(60)).until(() -> members(kafka, run) == 2);
            // Paced (10,000 events/s) so that the kill lands mid-stream.
            Thread producer = new Thread(() -> {
                for (int from = 0; from < EVENTS; from += 1_000) {
                    kafka.produceWithSerializers(new ByteArraySerializer(), new ByteArraySerializer())
                            .fromRecords(records.subList(from, from + 1_000)).awaitCompletion(Duration.ofSeconds(60));
                    KafkaCompanion.sleep(Duration.ofMillis(100));
                }
            });
            producer.start();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(5))
                    .until(() -> CrashRecoveryIT.dataLines(csvA) >= 5_000 && CrashRecoveryIT.dataLines(csvB) >= 1);
            a.kill();
            assertThat(CrashRecoveryIT.dataLines(csvA) + CrashRecoveryIT.dataLines(csvB)).isLessThan(EVENTS);
            producer.join();
            await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(200))
                    .until(() -> CrashRecoveryIT.dataLines(csvA) + CrashRecoveryIT.dataLines(csvB) >= EVENTS);
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Path csv : List.of(csvA, csvB)) {
            // The killed instance's file may end in a torn row (the kernel can cut a write short at a kill):
            // not a row, and its event is the survivor's to write.
            for (CSVRecord row : TestEvents.completeRecords(csv)) {
                seen.merge(row.get("event_id"), 1, Integer::sum);
            }
        }
        assertThat(seen.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList())
                .as("event ids in both files or twice in one").isEmpty();
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(ids);
    }

    static int members(KafkaCompanion kafka, String group) {
        try {
            return kafka.consumerGroups().describe(group).members().size();
        } catch (RuntimeException e) {
            return 0;
        }
    }

    static Map<String, String> config(String run, Path csv, Path peer) {
        Map<String, String> config = CrashRecoveryIT.config(run, csv);
        config.put("classifier.csv.peer-paths", peer.toString());
        return config;
    }
}
