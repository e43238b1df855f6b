package io.packetclassifier.observability;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.packetclassifier.testing.RestartableKafkaBroker;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/** /q/health/ready follows the CSV file and the broker: DOWN while either is gone, UP again after. */
@QuarkusTest
@TestProfile(HealthTest.OwnBrokerAndFile.class)
class HealthTest {

    static final Path CSV = Path.of("target", "health-test", "classified_packets.csv").toAbsolutePath();
    static final Duration TIMEOUT = Duration.ofSeconds(60);

    public static class OwnBrokerAndFile implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("classifier.csv.path", CSV.toString());
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(RestartableKafkaBroker.class));
        }
    }

    @Test
    void readyListsKafkaCsvPublishingAndRules() {
        JsonPath ready = awaitReady("UP");
        assertThat(check(ready, CsvWritableCheck.NAME).getString("data.path")).isEqualTo(CSV.toString());
        assertThat(check(ready, PublishingCheck.NAME).getString("status")).isEqualTo("UP");
        Map<String, Object> rules = check(ready, RulesCheck.NAME).getMap("data");
        assertThat(((Number) rules.get("loaded")).intValue()).isPositive();
        assertThat(((Number) rules.get("unsupported")).intValue()).isZero();
        assertThat(ready.getList("checks.name", String.class)).anyMatch(name -> name.contains("Messaging"));
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @Test
    void anUnwritableCsvMakesItNotReadyUntilFixed() throws Exception {
        awaitReady("UP");
        Files.createDirectories(CSV.getParent());
        Files.deleteIfExists(CSV);
        Files.createDirectory(CSV); // a folder where the file should be: not writable, even for root
        try {
            JsonPath down = awaitReady("DOWN");
            assertThat(check(down, CsvWritableCheck.NAME).getString("status")).isEqualTo("DOWN");
            assertThat(check(down, CsvWritableCheck.NAME).getString("data.reason")).contains("not a regular file");
        } finally {
            Files.delete(CSV);
        }
        awaitReady("UP");
    }

    @Test
    void aStoppedBrokerMakesItNotReadyUntilItIsBack() {
        awaitReady("UP");
        RestartableKafkaBroker.stopBroker();
        try {
            JsonPath down = awaitReady("DOWN");
            assertThat(down.getList("checks.findAll { it.status == 'DOWN' }.name", String.class))
                    .anyMatch(name -> name.contains("Messaging"));
        } finally {
            RestartableKafkaBroker.startAgain();
        }
        awaitReady("UP");
    }

    private static JsonPath awaitReady(String status) {
        return await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(250)).until(
                () -> given().when().get("/q/health/ready").then().extract().jsonPath(),
                json -> status.equals(json.getString("status")));
    }

    private static JsonPath check(JsonPath health, String name) {
        return new JsonPath(health.prettify()).setRootPath("checks.find { it.name == '" + name + "' }");
    }
}
