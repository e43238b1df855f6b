package io.packetclassifier.it;

import java.util.HashMap;
import java.util.Map;

import io.packetclassifier.testing.KafkaBroker;

/** The test broker and a CSV file of its own, so this packaged run does not add rows to another test's file. */
public class OwnCsvFile extends KafkaBroker {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>(super.start());
        config.put("classifier.csv.path",
                java.nio.file.Path.of("target", "it-metrics", "classified_packets.csv").toAbsolutePath().toString());
        return config;
    }
}
