package io.packetclassifier.devkafka;

import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.spi.ConfigSource;

import io.quarkus.runtime.LaunchMode;
import io.smallrye.config.ConfigSourceContext;
import io.smallrye.config.ConfigSourceFactory;
import io.smallrye.config.ConfigValue;
import io.smallrye.config.PropertiesConfigSource;

/**
 * In {@code quarkus:dev} with no {@code kafka.bootstrap.servers} configured, points the application at the
 * in-process KRaft broker ({@code DevKafkaBroker}). Dev Services would need Docker; this needs nothing.
 * <p>
 * Quarkus instantiates every registered config service in the start-up code it generates, for the jar and the
 * native image alike, so this class is in both and must not refer to the broker: the broker's classes and
 * kafka_2.13 ({@code provided}) exist in dev mode and tests only, and the production artifacts leave them out
 * ({@code quarkus.package.jar.user-configured-ignored-entries}). Hence the look-up by name, in dev mode only: a
 * packaged application never takes that branch, and native-image finds no type it cannot link.
 */
public class DevKafkaConfigSourceFactory implements ConfigSourceFactory {

    static final String BOOTSTRAP = "kafka.bootstrap.servers";
    /** System property: the address of the broker this JVM started (it outlives live reloads). */
    static final String RUNNING = "packet-classifier.dev-kafka.bootstrap";
    static final String BROKER = "io.packetclassifier.devkafka.DevKafkaBroker";

    @Override
    public Iterable<ConfigSource> getConfigSources(ConfigSourceContext context) {
        if (LaunchMode.current() != LaunchMode.DEVELOPMENT || isSet(context.getValue(BOOTSTRAP))
                || "false".equals(valueOf(context.getValue("classifier.dev-kafka.enabled")))) {
            return List.of();
        }
        return List.of(new PropertiesConfigSource(Map.of(BOOTSTRAP, devBroker()), "packet-classifier dev Kafka", 1));
    }

    /** Whether {@code bootstrapServers} is the in-process broker this JVM started (dev mode). */
    public static boolean isDevBroker(String bootstrapServers) {
        return bootstrapServers != null && bootstrapServers.equals(System.getProperty(RUNNING));
    }

    @Override
    public OptionalInt getPriority() {
        return OptionalInt.of(1);
    }

    private static String devBroker() {
        try {
            return String.valueOf(((Supplier<?>) Class.forName(BROKER).getConstructor().newInstance()).get());
        } catch (ReflectiveOperationException | LinkageError e) {
            throw new IllegalStateException("Dev mode needs the in-process broker (" + BROKER
                    + ", kafka_2.13) on the class path, or kafka.bootstrap.servers set", e);
        }
    }

    private static boolean isSet(ConfigValue value) {
        return valueOf(value) != null && !valueOf(value).isBlank();
    }

    private static String valueOf(ConfigValue value) {
        return value == null ? null : value.getValue();
    }
}
