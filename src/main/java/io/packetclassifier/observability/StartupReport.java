package io.packetclassifier.observability;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.Config;
import org.jboss.logging.Logger;

import io.packetclassifier.devkafka.DevKafkaConfigSourceFactory;
import io.packetclassifier.output.csv.CsvConfig;
import io.packetclassifier.output.csv.CsvOutput;
import io.packetclassifier.output.deadletter.DeadLetterQueue;
import io.packetclassifier.output.publish.PublishConfig;
import io.packetclassifier.rules.ActiveRules;
import io.quarkus.runtime.StartupEvent;

/**
 * One readable line per start-up phase: the Kafka brokers, the topics read and written, the output file. The
 * other phases say so themselves, once each: the dev broker when it starts ({@code DevKafkaBroker}),
 * the rules when they are loaded ({@code ActiveRules}, again on each reload), the OTLP collector
 * ({@code OtlpEndpointCheck}).
 */
@Singleton
class StartupReport {

    private static final Logger LOG = Logger.getLogger(StartupReport.class);
    private static final String IN = "mp.messaging.incoming.raw-events.";
    private static final String DEAD_LETTERS = "mp.messaging.outgoing." + DeadLetterQueue.CHANNEL + ".";

    void onStart(@Observes StartupEvent event, ActiveRules rules, CsvConfig csv, CsvOutput output, PublishConfig publish,
            Config config) {
        rules.current(); // loads them now if nothing has yet: their line comes with the other start-up lines
        String bootstrap = value(config, IN + "bootstrap.servers", value(config, "kafka.bootstrap.servers", "localhost:9092"));
        String protocol = value(config, IN + "security.protocol", value(config, "kafka.security.protocol", "PLAINTEXT"));
        LOG.infof("Kafka: brokers %s%s, security protocol %s", bootstrap,
                DevKafkaConfigSourceFactory.isDevBroker(bootstrap) ? " (in-process dev broker)" : "", protocol);
        boolean consuming = config.getOptionalValue(IN + "enabled", Boolean.class).orElse(true);
        if (!consuming) {
            LOG.info("Topics: raw-events is not consumed (generator-only mode); no CSV is written");
            return;
        }
        // A channel's topic defaults to the channel's name, as in SmallRye Reactive Messaging.
        LOG.infof("Topics: reading %s (group %s); classified events %s, dead letters to %s",
                value(config, IN + "topic", "raw-events"), value(config, IN + "group.id", "generated"),
                publish.enabled() ? "to " + publish.topic() : "not published", value(config, DEAD_LETTERS + "topic", DeadLetterQueue.CHANNEL));
        String problem = output.problem();
        LOG.infof("Output: %s (%s)", csv.path().toAbsolutePath(), problem == null ? "writable" : problem);
    }

    private static String value(Config config, String name, String otherwise) {
        return config.getOptionalValue(name, String.class).orElse(otherwise);
    }
}
