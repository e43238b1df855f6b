package io.packetclassifier.pipeline;

import static io.packetclassifier.testing.TestEvents.event;
import static io.packetclassifier.testing.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.commons.csv.CSVRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.packetclassifier.output.csv.CsvConfig;
import io.packetclassifier.testing.KafkaBroker;
import io.packetclassifier.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
class PipelineTest {

    static final String TOPIC = "raw-events";
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    static final KafkaCompanion kafka = KafkaBroker.companion();

    @Inject
    CsvConfig csv;

    /** The seed's rule table, one case per branch: event type, extra fields, expected tactic and technique. */
    static List<Object[]> seedCases() {
        Map<String, Object> noCommand = new HashMap<>();
        noCommand.put("command_line", null);
        Map<String, Object> noLogonType = new HashMap<>();
        noLogonType.put("logon_type", null);
        return List.of(
                new Object[] { "process_start", Map.of("command_line", "powershell.exe -EncodedCommand SQBFAFgA"), "TA0002", "T1059.001" },
                new Object[] { "process_start", Map.of("command_line", "POWERSHELL -eNcOdEdCoMmAnD abc"), "TA0002", "T1059.001" },
                new Object[] { "process_start", Map.of("command_line", "cmd.exe /c powershell -EncodedCommand x"), "TA0002", "T1059.001" },
                new Object[] { "process_start", Map.of("command_line", "C:\\Windows\\System32\\CMD.EXE /c whoami"), "TA0002", "T1059.003" },
                new Object[] { "process_start", Map.of("command_line", "notepad.exe report.txt"), "TA0002", "T1059" },
                new Object[] { "process_start", noCommand, "TA0002", "T1059" },
                new Object[] { "process_start", Map.of("command_line", ""), "TA0002", "T1059" },
                new Object[] { "user_login", Map.of("logon_type", "failure"), "TA0006", "T1110" },
                new Object[] { "user_login", Map.of("logon_type", "success"), "TA0001", "T1078" },
                new Object[] { "user_login", Map.of("logon_type", "Failure"), "TA0001", "T1078" },
                new Object[] { "user_login", noLogonType, "TA0001", "T1078" },
                new Object[] { "network_connection", Map.of(), "TA0000", "T0000" },
                new Object[] { "file_create", Map.of("command_line", "cmd.exe /c del x"), "TA0000", "T0000" },
                new Object[] { "something_new", Map.of(), "TA0000", "T0000" });
    }

    @Test
    void everySeedRuleBranchThroughKafka() {
        Map<String, String[]> expected = new LinkedHashMap<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (Object[] c : seedCases()) {
            @SuppressWarnings("unchecked")
            Map<String, Object> e = event((String) c[0], (Map<String, Object>) c[1]);
            expected.put((String) e.get("event_id"), new String[] { (String) c[2], (String) c[3] });
            records.add(new ProducerRecord<>(TOPIC, json(e)));
        }
        produce(records);
        Map<String, CSVRecord> rows = awaitRows(expected.keySet().size(), expected.keySet());
        expected.forEach((id, labels) -> {
            assertThat(rows.get(id).get("mitre_tactic")).as("tactic of %s", id).isEqualTo(labels[0]);
            assertThat(rows.get(id).get("mitre_technique")).as("technique of %s", id).isEqualTo(labels[1]);
        });
    }

    @Test
    void thousandEventsBecomeThousandRowsAndTheOffsetIsCommitted() {
        List<Object[]> cases = seedCases();
        Map<String, String[]> expected = new LinkedHashMap<>();
        Map<String, Map<String, Object>> sent = new HashMap<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            Object[] c = cases.get(i % cases.size());
            @SuppressWarnings("unchecked")
            Map<String, Object> e = event((String) c[0], (Map<String, Object>) c[1]);
            e.put("user", "user-" + i);
            expected.put((String) e.get("event_id"), new String[] { (String) c[2], (String) c[3] });
            sent.put((String) e.get("event_id"), e);
            records.add(new ProducerRecord<>(TOPIC, json(e)));
        }
        produce(records);

        Map<String, CSVRecord> rows = awaitRows(1000, expected.keySet());
        assertThat(rows).hasSize(1000);
        expected.forEach((id, labels) -> {
            CSVRecord row = rows.get(id);
            Map<String, Object> e = sent.get(id);
            assertThat(row.get("mitre_tactic")).isEqualTo(labels[0]);
            assertThat(row.get("mitre_technique")).isEqualTo(labels[1]);
            assertThat(row.get("user")).isEqualTo(e.get("user"));
            assertThat(row.get("host")).isEqualTo(e.get("host"));
            assertThat(row.get("timestamp")).isEqualTo(e.get("timestamp"));
            assertThat(row.get("source_ip")).isEqualTo(e.get("source_ip"));
            assertThat(row.get("event_type")).isEqualTo(e.get("event_type"));
        });

        TopicPartition partition = new TopicPartition(TOPIC, 0);
        long end = kafka.offsets().get(partition, org.apache.kafka.clients.admin.OffsetSpec.latest()).offset();
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(
                kafka.consumerGroups().offsets("packet-classifier", partition)).isNotNull()
                .extracting(o -> o.offset()).isEqualTo(end));
    }

    @Test
    void awkwardValuesRoundTripAndFormulasAreDefused() throws Exception {
        Map<String, Object> e = event("user_login", Map.of(
                "user", "O'Brien, \"the admin\"\nsecond line",
                "host", "host,with,commas",
                "source_ip", "=HYPERLINK(\"http://evil\")",
                "timestamp", "-1+2",
                "logon_type", "failure"));
        produce(List.of(new ProducerRecord<>(TOPIC, json(e))));
        String id = (String) e.get("event_id");
        CSVRecord row = awaitRows(1, List.of(id)).get(id);
        assertThat(row.get("user")).isEqualTo("O'Brien, \"the admin\"\nsecond line");
        assertThat(row.get("host")).isEqualTo("host,with,commas");
        assertThat(row.get("source_ip")).isEqualTo("'=HYPERLINK(\"http://evil\")");
        assertThat(row.get("timestamp")).isEqualTo("'-1+2");
        assertThat(row.get("mitre_technique")).isEqualTo("T1110");
        assertThat(TestEvents.headerLines(csv.path())).isEqualTo(1);
    }

    /**
     * classified-events is stored LZ4-compressed (classifier.publish.compression's default). A consumer
     * decompresses without saying so, hence the broker's own log segment: every record batch's attributes. The
     * codec is lz4-java's JNI one (Lz4Codec).
     */
    @Test
    void classifiedEventsAreStoredLz4Compressed() throws Exception {
        List<String> ids = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            Map<String, Object> e = event("user_login", Map.of("logon_type", "failure"));
            ids.add((String) e.get("event_id"));
            records.add(new ProducerRecord<>(TOPIC, json(e)));
        }
        produce(records);
        awaitRows(ids.size(), ids); // rows are written once the broker has acknowledged the batch's records
        byte[] log = java.nio.file.Files.readAllBytes(KafkaBroker.broker().dataDir()
                .resolve("classified-events-0").resolve("00000000000000000000.log"));
        java.nio.ByteBuffer bytes = java.nio.ByteBuffer.wrap(log);
        List<Integer> codecs = new ArrayList<>();
        // v2 record batch: base offset (8 bytes), length (4), leader epoch (4), magic (1), crc (4), attributes (2)
        for (int at = 0; at + 23 <= log.length; at += 12 + bytes.getInt(at + 8)) {
            codecs.add(bytes.getShort(at + 21) & 0x7);
        }
        assertThat(codecs).as("compression codec per batch (3 = lz4)").isNotEmpty().containsOnly(3);
        // Kafka asks LZ4Factory.fastestInstance() for the codec; left to itself, under Quarkus's class loader, that
        // is the pure-Java one
        assertThat(net.jpountz.lz4.LZ4Factory.fastestInstance()).as("codec Kafka's LZ4 batches use")
                .isSameAs(net.jpountz.lz4.LZ4Factory.nativeInstance());
    }

    static void produce(List<ProducerRecord<byte[], byte[]>> records) {
        kafka.produceWithSerializers(new ByteArraySerializer(), new ByteArraySerializer())
                .fromRecords(records).awaitCompletion(TIMEOUT);
    }

    Map<String, CSVRecord> awaitRows(int count, java.util.Collection<String> ids) {
        Path path = csv.path();
        Map<String, CSVRecord> found = new HashMap<>();
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(100)).until(() -> {
            Map<String, CSVRecord> rows = TestEvents.rowsById(path);
            found.clear();
            for (String id : ids) {
                if (rows.containsKey(id)) {
                    found.put(id, rows.get(id));
                }
            }
            return found.size() == count;
        });
        return found;
    }
}
