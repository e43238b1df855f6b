package io.packetclassifier.observability;

import static io.packetclassifier.testing.TestEvents.event;
import static io.packetclassifier.testing.TestEvents.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.packetclassifier.output.csv.CsvConfig;
import io.packetclassifier.testing.KafkaBroker;
import io.packetclassifier.testing.Prometheus;
import io.packetclassifier.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** /q/metrics on the real broker: the service's counters and timers move with the events sent. */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
class MetricsTest {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    CsvConfig csv;

    @Test
    void countersAndTimersMoveUnderLoad() throws Exception {
        Prometheus before = Prometheus.scrape();

        String[][] kinds = { { "user_login", "logon_type", "failure", "TA0006", "T1110" },
                { "process_start", "command_line", "cmd.exe /c whoami", "TA0002", "T1059.003" },
                { "network_connection", "dst_port", "443", "TA0000", "T0000" } };
        Map<String, Integer> sentPerLabel = new HashMap<>();
        List<String> ids = new ArrayList<>();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            String[] kind = kinds[i % kinds.length];
            Map<String, Object> e = event(kind[0], Map.of(kind[1], kind[2]));
            ids.add((String) e.get("event_id"));
            sentPerLabel.merge(kind[3] + "/" + kind[4], 1, Integer::sum);
            records.add(new ProducerRecord<>("raw-events", json(e)));
        }
        for (int i = 0; i < 3; i++) {
            records.add(new ProducerRecord<>("raw-events", "{\"event_id\": ".getBytes(StandardCharsets.UTF_8)));
        }
        records.add(new ProducerRecord<>("raw-events", "[1, 2]".getBytes(StandardCharsets.UTF_8)));
        KafkaCompanion kafka = KafkaBroker.companion();
        kafka.produceWithSerializers(new ByteArraySerializer(), new ByteArraySerializer()).fromRecords(records)
                .awaitCompletion(TIMEOUT);
        await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(() -> TestEvents.rowsById(csv.path()).keySet().containsAll(ids));

        Prometheus after = await().atMost(TIMEOUT).until(Prometheus::scrape,
                p -> delta(before, p, "classifier_events_consumed_total") >= records.size());

        assertThat(delta(before, after, "classifier_events_consumed_total")).isEqualTo((double) records.size());
        assertThat(delta(before, after, "classifier_csv_rows_written_total")).isEqualTo((double) ids.size());
        sentPerLabel.forEach((label, sent) -> {
            String[] tt = label.split("/");
            assertThat(delta(before, after, "classifier_events_classified_total", "tactic=" + tt[0], "technique=" + tt[1]))
                    .as("classified %s", label).isEqualTo(sent.doubleValue());
        });
        assertThat(delta(before, after, "classifier_classify_seconds_count")).isPositive();
        assertThat(after.value("classifier_classify_seconds_sum")).isPositive();
        assertThat(delta(before, after, "classifier_csv_write_seconds_count")).isPositive();
        assertThat(after.value("classifier_csv_write_seconds_sum")).isPositive();
        assertThat(delta(before, after, "classifier_end_to_end_latency_seconds_count")).isPositive();
        assertThat(after.value("classifier_end_to_end_latency_seconds_max")).isPositive();
        assertThat(delta(before, after, "classifier_events_dead_lettered_total", "reason=invalid-json")).isEqualTo(3.0);
        assertThat(delta(before, after, "classifier_events_dead_lettered_total", "reason=not-an-object")).isEqualTo(1.0);
        assertThat(after.has("classifier_events_dead_lettered_total", "reason=too-deep")).as("every reason, from the start")
                .isTrue();

        // The Kafka client metrics of the raw-events consumer, bound by Quarkus' Micrometer Kafka binder.
        assertThat(after.all().keySet()).anyMatch(k -> k.startsWith("kafka_consumer_fetch_manager_records_lag"));
        assertThat(after.all().keySet()).anyMatch(k -> k.startsWith("kafka_consumer_fetch_manager_records_consumed_total"));
    }

    private static double delta(Prometheus before, Prometheus after, String name, String... labels) {
        return after.value(name, labels) - before.value(name, labels);
    }
}
