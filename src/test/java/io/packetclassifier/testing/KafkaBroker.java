package io.packetclassifier.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

import io.packetclassifier.devkafka.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;

/** One real in-process KRaft broker per test JVM, on free ports, shared by every test that needs Kafka. */
public class KafkaBroker implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafka broker;
    private static KafkaCompanion companion;

    public static synchronized EmbeddedKafka broker() {
        if (broker == null) {
            try {
                broker = EmbeddedKafka.start(Files.createTempDirectory("test-kafka"), Map.of("num.partitions", "1", "message.max.bytes", "4194304"));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            EmbeddedKafka started = broker;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                synchronized (KafkaBroker.class) {
                    if (companion != null) {
                        companion.close();
                    }
                }
                started.close();
            }));
        }
        return broker;
    }

    /** A companion (producers, consumers, admin) on that broker, shared like the broker and closed before it. */
    public static synchronized KafkaCompanion companion() {
        if (companion == null) {
            companion = new KafkaCompanion(broker().bootstrapServers());
        }
        return companion;
    }

    @Override
    public Map<String, String> start() {
        return Map.of("kafka.bootstrap.servers", broker().bootstrapServers());
    }

    @Override
    public void stop() {
        // Kept for the next test class; the JVM's shutdown hook stops it.
    }
}
