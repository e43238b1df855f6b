package io.packetclassifier.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import io.packetclassifier.testing.KafkaBroker;

/**
 * The test broker, plus a CSV file left by an earlier run (header and one row): the packaged service must
 * append to it without a second header.
 */
public class ExistingCsvFile extends KafkaBroker {

    static final String EARLIER_ROW = "11111111-2222-4333-8444-555555555555,2026-11-27T00:00:00Z,bob,ws-002,10.0.0.9,"
            + "user_login,TA0001,T1078";
    static final Path CSV = Path.of("target", "it-output", "classified_packets.csv").toAbsolutePath();

    @Override
    public Map<String, String> start() {
        try {
            Files.createDirectories(CSV.getParent());
            Files.writeString(CSV, "event_id,timestamp,user,host,source_ip,event_type,mitre_tactic,mitre_technique\r\n"
                    + EARLIER_ROW + "\r\n", StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> config = new HashMap<>(super.start());
        config.put("classifier.csv.path", CSV.toString());
        return config;
    }
}
