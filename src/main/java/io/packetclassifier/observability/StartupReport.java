package io.packetclassifier.observability;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.packetclassifier.rules.ActiveRules;
import io.packetclassifier.sink.CsvConfig;
import io.quarkus.runtime.StartupEvent;

/**
 * One readable line per start-up phase that the framework does not already report: the rules in force, and
 * where events come from and go to (the dev broker and the OTLP collector say so themselves).
 */
@Singleton
class StartupReport {

    private static final Logger LOG = Logger.getLogger(StartupReport.class);

    void onStart(@Observes StartupEvent event, ActiveRules rules, CsvConfig csv, Config config) {
        LOG.infof("Rules: %d loaded, %d unsupported", rules.size(), rules.unsupported());
        String prefix = "mp.messaging.incoming.raw-events.";
        boolean consuming = config.getOptionalValue(prefix + "enabled", Boolean.class).orElse(true);
        if (consuming) {
            String bootstrap = config.getOptionalValue(prefix + "bootstrap.servers", String.class)
                    .or(() -> config.getOptionalValue("kafka.bootstrap.servers", String.class)).orElse("localhost:9092");
            LOG.infof("Input: topic %s on %s, consumer group %s", config.getOptionalValue(prefix + "topic", String.class)
                    .orElse("raw-events"), bootstrap, config.getOptionalValue(prefix + "group.id", String.class).orElse("?"));
            String problem = CsvWritableCheck.problem(csv.path().toAbsolutePath());
            LOG.infof("Output: %s (%s)", csv.path().toAbsolutePath(), problem == null ? "writable" : problem);
        } else {
            LOG.info("Input: consumption of raw-events is switched off (generator-only mode); no CSV is written");
        }
    }
}
