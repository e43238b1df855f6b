package io.packetclassifier.view;

import java.util.ArrayDeque;
import java.util.Map;

import jakarta.inject.Singleton;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.packetclassifier.generator.EventGenerator;
import io.packetclassifier.observability.ClassifierMetrics;
import io.packetclassifier.rules.ActiveRules;
import io.packetclassifier.output.csv.CsvConfig;
import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.annotations.RegisterForReflection;

/** The service's live figures for the page, read from its meters and settings (nothing is counted here). */
@Singleton
public class ServiceFigures {

    /** The written rate is taken over about this long. */
    static final long RATE_SPAN_MILLIS = 5_000;
    static final String LAG = "kafka.consumer.fetch.manager.records.lag";
    static final String LAG_MAX = "kafka.consumer.fetch.manager.records.lag.max";

    /**
     * {@code consumerLag}: records not yet polled, over the partitions assigned (null before the first
     * assignment); {@code generator}: the sample generator, in dev mode only (where the page can switch it).
     */
    @RegisterForReflection
    public record Figures(long consumed, long written, double writtenPerSecond, Map<String, Long> deadLettered,
            Long consumerLag, int rulesLoaded, int rulesUnsupported, String csvPath, Generator generator) {
    }

    @RegisterForReflection
    public record Generator(boolean running, double rate) {
    }

    private final ClassifierMetrics metrics;
    private final MeterRegistry registry;
    private final ActiveRules rules;
    private final String csvPath;
    private final EventGenerator generator;
    private final ArrayDeque<long[]> samples = new ArrayDeque<>(); // {time, rows written}

    ServiceFigures(ClassifierMetrics metrics, MeterRegistry registry, ActiveRules rules, CsvConfig csv,
            EventGenerator generator) {
        this.metrics = metrics;
        this.registry = registry;
        this.rules = rules;
        this.csvPath = csv.path().toAbsolutePath().toString();
        this.generator = LaunchMode.current() == LaunchMode.DEVELOPMENT ? generator : null;
    }

    public synchronized Figures now(long nowMillis) {
        long written = metrics.rowsWrittenCount();
        samples.addLast(new long[] { nowMillis, written });
        while (samples.size() > 2 && nowMillis - samples.peekFirst()[0] > RATE_SPAN_MILLIS) {
            samples.removeFirst();
        }
        long[] oldest = samples.peekFirst();
        double rate = nowMillis > oldest[0] ? (written - oldest[1]) * 1000.0 / (nowMillis - oldest[0]) : 0;
        return new Figures(metrics.consumedCount(), written, rate, metrics.deadLetteredByReason(), consumerLag(),
                rules.size(), rules.unsupported(), csvPath,
                generator == null ? null : new Generator(generator.running(), generator.rate()));
    }

    /** Kafka's per-partition lag gauges summed; the client's maximum when none is there yet. */
    private Long consumerLag() {
        double sum = 0;
        boolean any = false;
        for (Gauge gauge : registry.find(LAG).gauges()) {
            double value = gauge.value();
            if (!Double.isNaN(value) && value >= 0) {
                sum += value;
                any = true;
            }
        }
        if (!any) {
            for (Gauge gauge : registry.find(LAG_MAX).gauges()) {
                double value = gauge.value();
                if (!Double.isNaN(value) && value >= 0) {
                    sum = Math.max(sum, value);
                    any = true;
                }
            }
        }
        return any ? (long) sum : null;
    }
}
