package io.packetclassifier.it;

import static io.packetclassifier.testing.TestEvents.event;
import static io.packetclassifier.testing.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.packetclassifier.testing.KafkaBroker;
import io.packetclassifier.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** The packaged application (the jar here, the native binary with -Dnative) against the test broker. */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ExistingCsvFile.class, restrictToAnnotatedClass = true)
class PackagedServiceIT {

    @Test
    void classifiesEventsAndAppendsToTheExistingFile() throws Exception {
        Map<String, String> expected = new HashMap<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        String[][] kinds = { { "process_start", "command_line", "powershell -EncodedCommand AAA", "T1059.001" },
                { "process_start", "command_line", "cmd.exe /c ver", "T1059.003" },
                { "user_login", "logon_type", "failure", "T1110" },
                { "user_login", "logon_type", "success", "T1078" },
                { "network_connection", "dst_port", "443", "T0000" } };
        for (int i = 0; i < 200; i++) {
            String[] kind = kinds[i % kinds.length];
            Map<String, Object> e = event(kind[0], Map.of(kind[1], kind[2]));
            expected.put((String) e.get("event_id"), kind[3]);
            records.add(new ProducerRecord<>("raw-events", json(e)));
        }
        KafkaCompanion kafka = KafkaBroker.companion();
        kafka.produceWithSerializers(new ByteArraySerializer(), new ByteArraySerializer())
                .fromRecords(records).awaitCompletion(Duration.ofSeconds(60));

        await().atMost(Duration.ofSeconds(60)).until(
                () -> TestEvents.rowsById(ExistingCsvFile.CSV).keySet().containsAll(expected.keySet()));
        Map<String, CSVRecord> rows = TestEvents.rowsById(ExistingCsvFile.CSV);
        expected.forEach((id, technique) -> assertThat(rows.get(id).get("mitre_technique")).isEqualTo(technique));
        assertThat(TestEvents.headerLines(ExistingCsvFile.CSV)).isEqualTo(1);
        assertThat(Files.readAllLines(ExistingCsvFile.CSV).get(1)).isEqualTo(ExistingCsvFile.EARLIER_ROW);
        assertThat(rows).hasSize(expected.size() + 1);
    }
}
