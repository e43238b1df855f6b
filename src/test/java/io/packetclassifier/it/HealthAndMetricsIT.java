package io.packetclassifier.it;

import static io.packetclassifier.testing.TestEvents.event;
import static io.packetclassifier.testing.TestEvents.json;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;

import io.packetclassifier.testing.KafkaBroker;
import io.packetclassifier.testing.Prometheus;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.restassured.path.json.JsonPath;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** /q/health/ready and /q/metrics of the packaged application (the jar, or the native binary with -Dnative). */
@QuarkusIntegrationTest
@QuarkusTestResource(value = OwnCsvFile.class, restrictToAnnotatedClass = true)
class HealthAndMetricsIT {

    @Test
    void readyWithKafkaCsvAndRulesChecks() {
        JsonPath ready = await().atMost(Duration.ofSeconds(60)).until(
                () -> given().when().get("/q/health/ready").then().extract().jsonPath(),
                json -> "UP".equals(json.getString("status")));
        assertThat(ready.getList("checks.name", String.class)).contains("csv", "rules")
                .anyMatch(name -> name.contains("Messaging"));
        assertThat(ready.getInt("checks.find { it.name == 'rules' }.data.loaded")).isPositive();
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void metricsMoveWithTheEventsSent() {
        Prometheus before = Prometheus.scrape();
        List<ProducerRecord<byte[], byte[]>> records = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            records.add(new ProducerRecord<>("raw-events", json(event("user_login", Map.of("logon_type", "failure")))));
        }
        KafkaCompanion kafka = KafkaBroker.companion();
        kafka.produceWithSerializers(new ByteArraySerializer(), new ByteArraySerializer()).fromRecords(records)
                .awaitCompletion(Duration.ofSeconds(60));
        Prometheus after = await().atMost(Duration.ofSeconds(60)).until(Prometheus::scrape,
                p -> p.value("classifier_events_classified_total", "tactic=TA0006", "technique=T1110")
                        - before.value("classifier_events_classified_total", "tactic=TA0006", "technique=T1110") >= 50
                        && p.value("classifier_csv_rows_written_total") - before.value("classifier_csv_rows_written_total") >= 50);
        assertThat(after.value("classifier_events_consumed_total")).isGreaterThanOrEqualTo(50);
        assertThat(after.value("classifier_classify_seconds_count")).isPositive();
        assertThat(after.value("classifier_csv_write_seconds_count")).isPositive();
        assertThat(after.value("classifier_end_to_end_latency_seconds_count")).isPositive();
        assertThat(after.all().keySet()).anyMatch(k -> k.startsWith("kafka_consumer_fetch_manager_records_lag"));
    }
}
