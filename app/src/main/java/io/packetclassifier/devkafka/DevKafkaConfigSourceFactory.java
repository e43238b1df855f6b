package io.packetclassifier.devkafka;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import org.eclipse.microprofile.config.spi.ConfigSource;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.common.MapBackedConfigSource;

/**
 * In {@code quarkus:dev} with no {@code kafka.bootstrap.servers} configured, starts an in-process KRaft
 * broker (data under {@code target/dev-kafka}) and points the application at it. Dev Services would need
 * Docker; this needs nothing. The broker outlives live reloads: its address is kept in a system property
 * and reused as long as it answers.
 */
public class DevKafkaConfigSourceFactory implements ConfigSourceFactory {

    static final String BOOTSTRAP = "kafka.bootstrap.servers";
    private static final String RUNNING = "packet-classifier.dev-kafka.bootstrap";
    private static final Logger LOG = Logger.getLogger(DevKafkaConfigSourceFactory.class);

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT || isSet(context.getValue(BOOTSTRAP))
                || "false".equals(valueOf(context.getValue("classifier.dev-kafka.enabled")))) {
            return List.of();
        }
        return List.of(new MapBackedConfigSource("packet-classifier dev Kafka", Map.of(BOOTSTRAP, devBroker()), 1) {
        });
    }

    /** Whether {@code bootstrapServers} is the in-process broker this JVM started (dev mode). */
    public static boolean isDevBroker(String bootstrapServers) {
        return bootstrapServers != null && bootstrapServers.equals(System.getProperty(RUNNING));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(1);
    }

    private static synchronized String devBroker() {
        String running = System.getProperty(RUNNING);
        if (running != null && answers(running)) {
            return running;
        }
        long start = System.nanoTime();
        Path dataDir = Path.of("target", "dev-kafka");
        int port = portFree(9092) ? 9092 : EmbeddedKafka.freePort();
        EmbeddedKafka broker = EmbeddedKafka.start(dataDir, port, EmbeddedKafka.freePort(), Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "dev-kafka-shutdown"));
        System.setProperty(RUNNING, broker.bootstrapServers());
        LOG.infof("Dev Kafka broker (in-process KRaft) listening on %s, data in %s, started in %d ms",
                broker.bootstrapServers(), dataDir.toAbsolutePath(), (System.nanoTime() - start) / 1_000_000);
        return broker.bootstrapServers();
    }

    private static boolean answers(String hostPort) {
        int colon = hostPort.lastIndexOf(':');
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1))), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }

    private static boolean portFree(int port) {
        return !answers("127.0.0.1:" + port);
    }

    private static boolean isSet(ConfigValue value) {
        return valueOf(value) != null && !valueOf(value).isBlank();
    }

    private static String valueOf(ConfigValue value) {
        return value == null ? null : value.getValue();
    }
}
