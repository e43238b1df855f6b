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
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.packetclassifier.testing.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The page's assets and data, the event stream, and what is not there outside dev mode. */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
@TestProfile(ViewProfile.class)
class ViewEndpointsTest {

    @TestHTTPResource("/view/stream")
    URL stream;

    @Test
    void thePageAndItsAssets() {
        given().when().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("ATT&amp;CK view"), containsString("view/view.js"));
        given().when().get("/view/view.js").then().statusCode(200).contentType(containsString("javascript"))
                .body(containsString("EventSource('view/stream')"));
        given().when().get("/view/view.css").then().statusCode(200).contentType(containsString("text/css"));
    }

    @Test
    void theMatrixIsTheCatalogsWithTheLoadedRulesCoverage() throws Exception {
        JsonNode matrix = LayerTest.get("/view/matrix");
        assertThat(matrix.get("attackVersion").asText()).isEqualTo("18");
        List<String> tactics = new ArrayList<>();
        matrix.get("tactics").forEach(t -> tactics.add(t.get("id").asText()));
        assertThat(tactics).containsExactly("TA0043", "TA0042", "TA0001", "TA0002", "TA0003", "TA0004", "TA0005",
                "TA0006", "TA0007", "TA0008", "TA0009", "TA0011", "TA0010", "TA0040");
        JsonNode execution = matrix.get("tactics").get(3);
        JsonNode interpreter = null;
        for (JsonNode cell : execution.get("techniques")) {
            if (cell.get("id").asText().equals("T1059")) {
                interpreter = cell;
            }
        }
        assertThat(interpreter).isNotNull();
        assertThat(interpreter.get("subtechniques")).anyMatch(s -> s.get("id").asText().equals("T1059.001"));
        assertThat(interpreter.get("rules").asInt()).as("rules on T1059 and its sub-techniques")
                .isGreaterThan(interpreter.get("subtechniques").get(0).get("rules").asInt());
        assertThat(matrix.get("rulesLoaded").asInt()).isEqualTo(1183 + 5);
    }

    @Test
    void theSnapshotHasTheFiguresAndTheThreeWindows() throws Exception {
        new ViewEvents().logons(3, "failure").of(1, "network_connection").produce();
        JsonNode snapshot = await().atMost(Duration.ofSeconds(60)).until(() -> LayerTest.get("/view/snapshot"),
                s -> s.at("/figures/written").asLong() >= 4 && !s.at("/figures/consumerLag").isNull());
        JsonNode figures = snapshot.get("figures");
        assertThat(figures.get("csvPath").asText()).isEqualTo(ViewProfile.CSV.toString());
        assertThat(figures.get("rulesLoaded").asInt()).isEqualTo(1188);
        assertThat(figures.get("rulesUnsupported").asInt()).isZero();
        assertThat(figures.get("consumed").asLong()).isGreaterThanOrEqualTo(4);
        assertThat(figures.get("deadLettered").isObject()).isTrue();
        assertThat(figures.get("consumerLag").asLong()).isZero();
        assertThat(figures.get("generator").isNull()).as("the generator is switched in dev mode only").isTrue();
        assertThat(snapshot.get("windows").fieldNames()).toIterable().containsExactly("PT5M", "PT1H", "all");
        assertThat(snapshot.at("/windows/all/families/T1110").asLong()).isGreaterThanOrEqualTo(3);
        assertThat(snapshot.get("recent")).isNotEmpty();
        JsonNode newest = snapshot.get("recent").get(0);
        assertThat(newest.has("sourceIp")).isTrue();
        assertThat(newest.has("matches")).isTrue();
    }

    @Test
    void theStreamSendsSnapshotsAFewTimesASecond() throws Exception {
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(stream.toString())).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<JsonNode> snapshots = new ArrayList<>();
        long started = System.nanoTime();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            for (String line; snapshots.size() < 4 && (line = lines.readLine()) != null;) {
                if (line.startsWith("data:")) {
                    snapshots.add(ViewEvents.JSON.readTree(line.substring(5)));
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        assertThat(snapshots).allMatch(s -> s.has("figures") && s.has("windows"));
        assertThat(snapshots.get(3).get("at").asLong()).isGreaterThan(snapshots.get(0).get("at").asLong());
        assertThat(seconds).as("four snapshots at one per 200 ms, the first at once").isBetween(0.4, 5.0);
    }

    @Test
    void aTechniquesDetailsAndItsErrors() throws Exception {
        new ViewEvents().logons(2, "failure").produce();
        JsonNode detail = await().atMost(Duration.ofSeconds(60)).until(
                () -> LayerTest.get("/view/techniques/t1110?window=PT5M"), d -> d.get("events").asLong() >= 2);
        assertThat(detail.get("id").asText()).isEqualTo("T1110");
        assertThat(detail.get("name").asText()).isEqualTo("Brute Force");
        assertThat(detail.get("tactics")).extracting(JsonNode::asText).containsExactly("Credential Access");
        assertThat(detail.get("fired")).anyMatch(r -> r.get("title").asText().equals("Failed logon (seed rule)"));
        assertThat(detail.get("loadedRules").asInt()).isPositive();
        assertThat(detail.get("lastEvents")).isNotEmpty().allMatch(e -> e.get("eventType").asText().equals("user_login"));
        given().when().get("/view/techniques/T9999").then().statusCode(404).body("error", containsString("T9999"));
        given().queryParam("window", "an hour").when().get("/view/techniques/T1110").then().statusCode(400)
                .body("error", containsString("ISO-8601"));
    }

    @Test
    void noWriteOperationOutsideDevMode() {
        given().contentType("application/json").body("{\"running\": true, \"rate\": 5}").when()
                .post("/view/generator").then().statusCode(404);
    }
}
