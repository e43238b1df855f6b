package io.packetclassifier.devui.deployment;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.packetclassifier.devui.runtime.ClassifierDevUiData;

/**
 * A stand-in for the service's data in {@link ClassifierCardDevModeTest}: while its generator is on, events are
 * "written" at its rate (counted from the clock), all labelled TA0002 / T1059.
 */
@ApplicationScoped
public class MovingClassifierData implements ClassifierDevUiData {

    public record Generator(boolean running, double rate) {
    }

    public record Summary(long written, long deadLettered, Map<String, Long> perTactic,
            Map<String, Map<String, Long>> perTechnique, int rulesLoaded, Generator generator) {
    }

    public record Event(String eventId, String tactic, String technique) {
    }

    private long writtenBefore;
    private long startedAt;
    private Generator generator = new Generator(false, 10);

    @Override
    public synchronized Summary summary() {
        long n = written();
        return new Summary(n, deadLettered(), Map.of("TA0002", n), Map.of("TA0002", Map.of("T1059", n)), 3,
                generator);
    }

    @Override
    public synchronized List<Event> recentEvents() {
        long n = written();
        return n == 0 ? List.of() : List.of(new Event("event-" + n, "TA0002", "T1059"));
    }

    @Override
    public synchronized Generator generator(boolean on, double rate) {
        writtenBefore = written();
        startedAt = System.nanoTime();
        generator = new Generator(on, rate > 0 ? rate : generator.rate());
        return generator;
    }

    @Override
    public synchronized long written() {
        if (!generator.running()) {
            return writtenBefore;
        }
        return writtenBefore + (long) ((System.nanoTime() - startedAt) / 1e9 * generator.rate());
    }

    @Override
    public long deadLettered() {
        return 1;
    }
}
