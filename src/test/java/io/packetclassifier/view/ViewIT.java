package io.packetclassifier.view;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.packetclassifier.attack.AttackCatalog;
import io.packetclassifier.testing.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;

/**
 * The page, its stream and both layers from the packaged application (the jar here, the native binary with
 * -Dnative), against the test broker: nothing the view needs is left out of the package.
 */
@QuarkusIntegrationTest
@QuarkusTestResource(value = ViewIT.OwnTopicAndFile.class, restrictToAnnotatedClass = true)
class ViewIT {

    /** The test broker, the view's topic and a CSV file of this run's own: its counts are this test's events. */
    public static class OwnTopicAndFile extends KafkaBroker {
        @Override
        public Map<String, String> start() {
            Map<String, String> config = new HashMap<>(super.start());
            config.put("mp.messaging.incoming.raw-events.topic", ViewProfile.TOPIC);
            config.put("classifier.csv.path", Path.of("target", "it-view", "classified_packets.csv").toAbsolutePath().toString());
            return config;
        }
    }

    static final AttackCatalog CATALOG = AttackCatalog.bundled();

    @TestHTTPResource("/view/stream")
    URL stream;

    @Test
    void pageAssetsAndData() throws Exception {
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("view/view.js"));
        given().when().get("/view/view.js").then().statusCode(200).body(containsString("EventSource"));
        given().when().get("/view/view.css").then().statusCode(200).contentType(containsString("text/css"));
        JsonNode matrix = LayerTest.get("/view/matrix");
        assertThat(matrix.get("tactics")).hasSize(14);
        assertThat(matrix.get("attackVersion").asText()).isEqualTo("18");
        given().contentType("application/json").body("{\"running\": true, \"rate\": 5}").when()
                .post("/view/generator").then().statusCode(404);
    }

    @Test
    void layersCountTheEventsProduced() throws Exception {
        new ViewEvents().logons(7, "failure").logons(4, "success").of(2, "network_connection").produce();
        JsonNode layer = await().atMost(Duration.ofSeconds(60)).until(() -> LayerTest.get("/attack/layer.json"),
                l -> LayerTest.scores(l).getOrDefault("T1078", 0L) >= 11);
        assertThat(NavigatorLayerFormat.problems(layer, CATALOG)).isEmpty();
        assertThat(LayerTest.scores(layer)).isEqualTo(Map.of("T1110", 7L, "T1078", 11L));
        assertThat(layer.at("/versions/attack").asText()).isEqualTo("18");
        JsonNode lastFiveMinutes = LayerTest.get("/attack/layer.json?window=PT5M");
        assertThat(LayerTest.scores(lastFiveMinutes)).isEqualTo(Map.of("T1110", 7L, "T1078", 11L));
        given().queryParam("window", "5m").when().get("/attack/layer.json").then().statusCode(400)
                .body("error", containsString("ISO-8601"));

        JsonNode coverage = LayerTest.get("/attack/coverage-layer.json");
        assertThat(NavigatorLayerFormat.problems(coverage, CATALOG)).isEmpty();
        assertThat(LayerTest.scores(coverage)).as("the seed's five rules")
                .isEqualTo(Map.of("T1059.001", 1L, "T1059.003", 1L, "T1059", 1L, "T1110", 1L, "T1078", 1L));
    }

    @Test
    void theStreamSendsSnapshots() throws Exception {
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stream.toString())).build(), HttpResponse.BodyHandlers.ofInputStream());
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String line;
            do {
                line = lines.readLine();
            } while (line != null && !line.startsWith("data:"));
            assertThat(line).isNotNull();
            JsonNode snapshot = ViewEvents.JSON.readTree(line.substring(5));
            assertThat(snapshot.at("/figures/rulesLoaded").asInt()).isEqualTo(5);
            assertThat(snapshot.get("windows").has("PT5M")).isTrue();
        }
    }
}
