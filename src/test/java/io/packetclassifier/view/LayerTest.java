package io.packetclassifier.view;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.packetclassifier.attack.AttackCatalog;
import io.packetclassifier.testing.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * Both Navigator layers of the running service, after events went through Kafka: valid 4.5 layers whose
 * detection scores are the counts taken from what the service published for those events.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
@TestProfile(ViewProfile.class)
class LayerTest {

    static final AttackCatalog CATALOG = AttackCatalog.bundled();

    static JsonNode get(String path) throws Exception {
        return ViewEvents.JSON.readTree(given().accept("application/json").when().get(path).then().statusCode(200)
                .contentType(containsString("application/json")).extract().asString());
    }

    static Map<String, Long> scores(JsonNode layer) {
        Map<String, Long> scores = new HashMap<>();
        layer.get("techniques").forEach(t -> scores.put(t.get("techniqueID").asText(), t.get("score").asLong()));
        return scores;
    }

    static Map<String, Long> minus(Map<String, Long> after, Map<String, Long> before) {
        Map<String, Long> delta = new HashMap<>();
        after.forEach((id, n) -> {
            long d = n - before.getOrDefault(id, 0L);
            if (d != 0) {
                delta.put(id, d);
            }
        });
        return delta;
    }

    @Test
    void detectionScoresAreTheEventsPublishedWithEachTechnique() throws Exception {
        Map<String, Long> sinceStartBefore = scores(get("/attack/layer.json"));
        Map<String, Long> lastHourBefore = scores(get("/attack/layer.json?window=PT1H"));
        ViewEvents events = new ViewEvents().regression().logons(30, "failure").logons(20, "success")
                .of(10, "network_connection");
        events.produce();

        Map<String, Long> published = await().atMost(Duration.ofSeconds(60)).until(events::publishedTechniqueCounts,
                counts -> !counts.isEmpty());
        Map<String, Long> expected = new HashMap<>();
        published.forEach((id, n) -> {
            if (CATALOG.technique(id).isPresent()) {
                expected.put(id, n);
            }
        });
        // from the seed's rules, independently of the service: every logon is T1078, failed ones T1110 too
        assertThat(expected).containsEntry("T1110", 30L).containsEntry("T1078", 50L);
        assertThat(expected).as("the regression events' techniques").hasSizeGreaterThan(15);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(
                minus(scores(get("/attack/layer.json")), sinceStartBefore)).isEqualTo(expected));
        JsonNode layer = get("/attack/layer.json?window=PT1H");
        assertThat(minus(scores(layer), lastHourBefore)).isEqualTo(expected);
        assertThat(NavigatorLayerFormat.problems(layer, CATALOG)).isEmpty();
        assertThat(layer.at("/versions/attack").asText()).isEqualTo("18");
        assertThat(layer.at("/versions/layer").asText()).isEqualTo("4.5");
        assertThat(layer.at("/domain").asText()).isEqualTo("enterprise-attack");
        assertThat(layer.at("/layout/showID").asBoolean()).isTrue();
        assertThat(layer.at("/gradient/maxValue").asLong()).isEqualTo(scores(layer).values().stream()
                .mapToLong(Long::longValue).max().orElseThrow());
        JsonNode bruteForce = technique(layer, "T1110");
        assertThat(bruteForce.get("comment").asText()).contains("Failed logon (seed rule)");
        assertThat(bruteForce.get("metadata")).anyMatch(m -> m.get("value").asText().equals("Failed logon (seed rule)"));
        assertThat(scores(layer).keySet()).as("sub-techniques as T1234.001").anyMatch(id -> id.matches("T\\d{4}\\.\\d{3}"));
        events.expectations.values().forEach(expect -> expect.get("techniques").forEach(t -> {
            String id = t.asText().toUpperCase();
            if (CATALOG.technique(id).isPresent()) {
                assertThat(scores(layer)).as("a regression event's technique").containsKey(id);
            } else {
                assertThat(scores(layer)).as("an id ATT&CK 18 does not know (a later release's)").doesNotContainKey(id);
            }
        }));
    }

    @Test
    void coverageLayerScoresEveryLoadedRuleByTechnique() throws Exception {
        JsonNode layer = get("/attack/coverage-layer.json");
        assertThat(NavigatorLayerFormat.problems(layer, CATALOG)).isEmpty();
        assertThat(layer.at("/versions/attack").asText()).isEqualTo("18");
        // the seed's five rules name T1059.001, T1059.003, T1059, T1110 and T1078 once each
        assertThat(technique(layer, "T1110").get("score").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(technique(layer, "T1059.001").get("score").asLong()).isGreaterThan(10);
        assertThat(layer.get("techniques").size()).isGreaterThan(100);
    }

    @Test
    void aWindowThatIsNotAnIsoDurationWithinTheHistoryIsA400() {
        for (String bad : new String[] { "5m", "PT5X", "-PT5M", "PT0S", "PT2H", "P1D" }) {
            given().queryParam("window", bad).when().get("/attack/layer.json").then().statusCode(400)
                    .contentType(containsString("application/json")).body("error", containsString("window"));
        }
        given().queryParam("window", "5 minutes").when().get("/attack/layer.json").then().statusCode(400)
                .body("error", containsString("ISO-8601 duration such as PT5M"));
        given().queryParam("window", "PT2H").when().get("/attack/layer.json").then().statusCode(400)
                .body("error", containsString("longer than the PT1H kept"));
        given().queryParam("window", "PT90S").when().get("/attack/layer.json").then().statusCode(200)
                .body("name", containsString("last PT1M30S"));
    }

    static JsonNode technique(JsonNode layer, String id) {
        for (JsonNode t : layer.get("techniques")) {
            if (t.get("techniqueID").asText().equals(id)) {
                return t;
            }
        }
        throw new AssertionError(id + " not in the layer");
    }
}
