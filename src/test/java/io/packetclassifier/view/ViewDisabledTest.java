package io.packetclassifier.view;

import static io.restassured.RestAssured.given;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.packetclassifier.testing.KafkaBroker;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** classifier.view.enabled=false: the page, its assets and data and both layers are not there. */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
@TestProfile(ViewDisabledTest.Disabled.class)
class ViewDisabledTest {

    public static class Disabled implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("classifier.view.enabled", "false");
        }
    }

    @Test
    void everyPartOfTheViewAnswers404() {
        for (String path : new String[] { "/", "/index.html", "/view/view.js", "/view/view.css", "/view/matrix",
                "/view/snapshot", "/view/stream", "/view/techniques/T1110", "/attack/layer.json",
                "/attack/layer.json?window=PT5M", "/attack/coverage-layer.json" }) {
            given().when().get(path).then().statusCode(404);
        }
        given().when().get("/q/metrics").then().statusCode(200);
    }
}
