package io.packetclassifier.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.packetclassifier.event.RejectReason;
import io.packetclassifier.testing.Prometheus;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * On a topic with no events yet, the service's meters are already there (at zero, every reject reason among
 * them) and the view's "since start" begins when the service started, not when the first batch or page came.
 */
@QuarkusTest
@TestProfile(StartedBeforeAnyEventTest.EmptyTopic.class)
class StartedBeforeAnyEventTest {

    public static class EmptyTopic implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("mp.messaging.incoming.raw-events.topic", "nothing-sent-here");
        }
    }

    @Test
    void metersAndTheViewsStartExistBeforeTheFirstBatch() {
        long testStarted = System.currentTimeMillis();

        Prometheus metrics = Prometheus.scrape();
        for (String series : new String[] { "classifier_events_consumed_total", "classifier_csv_rows_written_total",
                "classifier_classify_seconds_count", "classifier_end_to_end_latency_seconds_count" }) {
            assertThat(metrics.has(series)).as(series).isTrue();
            assertThat(metrics.value(series)).as(series).isZero();
        }
        for (RejectReason reason : RejectReason.values()) {
            assertThat(metrics.has("classifier_events_dead_lettered_total", "reason=" + reason.code()))
                    .as("dead letters of reason %s", reason.code()).isTrue();
        }

        long startedAt = given().when().get("/view/snapshot").then().statusCode(200).extract().jsonPath()
                .getLong("startedAt");
        assertThat(startedAt).as("the view's start").isLessThan(testStarted);
    }
}
