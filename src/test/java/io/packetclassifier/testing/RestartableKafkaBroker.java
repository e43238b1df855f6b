package io.packetclassifier.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import io.packetclassifier.devkafka.EmbeddedKafka;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A broker of its own for the raw-events channel (the suite's shared {@link KafkaBroker} is untouched), which
 * a test can stop and start again on the same ports and data folder.
 */
public class RestartableKafkaBroker implements QuarkusTestResourceLifecycleManager {

    private static EmbeddedKafka broker;
    private static Path dataDir;
    private static int port;
    private static int controllerPort;

    @Override
    public synchronized Map<String, String> start() {
        try {
            dataDir = Files.createTempDirectory("restartable-kafka");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        broker = EmbeddedKafka.start(dataDir, Map.of());
        port = broker.port();
        controllerPort = broker.controllerPort();
        // Channel-level: wins over the global kafka.bootstrap.servers that KafkaBroker provides.
        return Map.of("mp.messaging.incoming.raw-events.bootstrap.servers", broker.bootstrapServers());
    }

    public static synchronized String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public static synchronized void stopBroker() {
        if (broker != null) {
            broker.close();
            broker = null;
        }
    }

    public static synchronized void startAgain() {
        if (broker == null) {
            broker = EmbeddedKafka.start(dataDir, port, controllerPort, Map.of());
        }
    }

    @Override
    public synchronized void stop() {
        stopBroker();
    }
}
