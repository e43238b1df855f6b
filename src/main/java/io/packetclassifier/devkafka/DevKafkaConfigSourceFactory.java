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
    static final String AWAIT_APPLICATION_STOPPED = "packet-classifier.dev-kafka.await-application-stopped";
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
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitApplicationStopped(10_000);
            broker.close();
        }, "dev-kafka-shutdown"));
        System.setProperty(RUNNING, broker.bootstrapServers());
        LOG.infof("Dev Kafka broker (in-process KRaft) listening on %s, data in %s, started in %d ms",
                broker.bootstrapServers(), dataDir.toAbsolutePath(), (System.nanoTime() - start) / 1_000_000);
        return broker.bootstrapServers();
    }

    /**
     * On Ctrl+C every shutdown hook runs at once: closing the broker before the application's consumers and
     * producers had them retrying a vanished broker, and dev mode hung. So the broker waits (bounded) for the
     * application to stop first. The broker is started while Quarkus builds, in another class loader than the
     * running application's, so the application hands over its wait as a plain Runnable ({@link DevKafkaLifecycle}).
     */
    private static void awaitApplicationStopped(long timeoutMillis) {
        if (!(System.getProperties().get(AWAIT_APPLICATION_STOPPED) instanceof Runnable await)) {
            return;
        }
        Thread waiter = new Thread(await, "dev-kafka-await-application");
        waiter.setDaemon(true);
        waiter.start();
        try {
            waiter.join(timeoutMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
