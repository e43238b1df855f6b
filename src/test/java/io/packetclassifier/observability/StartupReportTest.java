package io.packetclassifier.observability;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

import io.packetclassifier.rules.ActiveRules;
import io.packetclassifier.output.csv.CsvConfig;
import io.packetclassifier.output.csv.CsvOutput;
import io.packetclassifier.output.publish.PublishConfig;
import io.packetclassifier.testing.KafkaBroker;
import io.packetclassifier.testing.LogCapture;
import io.packetclassifier.testing.LogCapture.Line;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The start-up report: one line each for the brokers, the topics and the output file, and nothing else. */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
class StartupReportTest {

    @Inject
    StartupReport report;
    @Inject
    ActiveRules rules;
    @Inject
    CsvConfig csv;
    @Inject
    CsvOutput output;
    @Inject
    PublishConfig publish;
    @Inject
    Config config;

    @Test
    void oneReadableLinePerPhase() {
        try (LogCapture capture = LogCapture.of(StartupReport.class.getName())) {
            report.onStart(null, rules, csv, output, publish, config);

            assertThat(capture.lines()).extracting(Line::message).containsExactly(
                    "Kafka: brokers " + KafkaBroker.broker().bootstrapServers() + ", security protocol PLAINTEXT",
                    "Topics: reading raw-events (group packet-classifier); classified events to classified-events, "
                            + "dead letters to raw-events-dlq",
                    "Output: " + csv.path().toAbsolutePath() + " (writable)");
            assertThat(capture.lines()).extracting(Line::level).containsOnly("INFO");
        }
    }
}
