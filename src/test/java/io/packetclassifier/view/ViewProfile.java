package io.packetclassifier.view;

import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The service as the view's tests run it: the SigmaHQ rules beside the seed's, a topic and a CSV file of its
 * own (so the counts are those of the events these tests produce), updates five times a second.
 */
public class ViewProfile implements QuarkusTestProfile {

    static final String TOPIC = "view-raw-events";
    static final Path CSV = Path.of("target", "test-output", "view-" + UUID.randomUUID() + ".csv").toAbsolutePath();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("classifier.rules.sigma-paths", "../shared/sigma/rules",
                "mp.messaging.incoming.raw-events.topic", TOPIC,
                "classifier.csv.path", CSV.toString(),
                "classifier.view.update-interval", "PT0.2S");
    }
}
