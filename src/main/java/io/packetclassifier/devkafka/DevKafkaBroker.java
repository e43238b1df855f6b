package io.packetclassifier.devkafka;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

/**
 * The broker of {@code quarkus:dev}: an {@link EmbeddedKafka} on port 9092 if free (else a free one), data under
 * {@code target/dev-kafka}, started once per JVM and reused across live reloads as long as it answers; on exit
 * it stops after the application. Dev mode only: {@link DevKafkaConfigSourceFactory} loads it by name, and the
 * production artifacts do not contain it.
 */
public final class DevKafkaBroker implements Supplier<String> {

    static final String AWAIT_APPLICATION_STOPPED = "packet-classifier.dev-kafka.await-application-stopped";
    private static final Logger LOG = Logger.getLogger(DevKafkaBroker.class);

    /** The running broker's bootstrap servers, starting it first if this JVM has none that answers. */
    @Override
    public String get() {
        return startOrReuse();
    }

    private static synchronized String startOrReuse() {
        String running = System.getProperty(DevKafkaConfigSourceFactory.RUNNING);
        if (running != null && answers(running)) {
            return running;
        }
        long start = System.nanoTime();
        Path dataDir = Path.of("target", "dev-kafka");
        int port = answers("127.0.0.1:9092") ? EmbeddedKafka.freePort() : 9092;
        EmbeddedKafka broker = EmbeddedKafka.start(dataDir, port, EmbeddedKafka.freePort(), Map.of());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            awaitApplicationStopped(10_000);
            broker.close();
        }, "dev-kafka-shutdown"));
        System.setProperty(DevKafkaConfigSourceFactory.RUNNING, broker.bootstrapServers());
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
}
