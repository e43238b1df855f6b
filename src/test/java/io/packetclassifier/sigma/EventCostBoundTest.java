package io.packetclassifier.sigma;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.packetclassifier.sigma.AdversarialCommandLines.CommandLine;

/**
 * What one event can cost: with all SigmaHQ rules, a command line of the maximum length shaped against the
 * rules' patterns costs at most a small multiple of an ordinary command line of that length. The cost of
 * each line is the median of several rounds, the rounds interleaved so that a busy machine slows every
 * line alike.
 */
class EventCostBoundTest {

    /** How much more than the costliest ordinary line of the same length the costliest shaped line may cost. */
    static final double BOUND = 10;
    static final int ROUNDS = 5;

    record Cost(CommandLine line, double millis) {
    }

    @Test
    void aShapedCommandLineCostsAtMostASmallMultipleOfAnOrdinaryOne() {
        SigmaRuleSet rules = SigmaTesting.sigmaHq();
        List<CommandLine> ordinary = AdversarialCommandLines.ordinary();
        List<CommandLine> shaped = new ArrayList<>(AdversarialCommandLines.shaped());
        shaped.addAll(AdversarialCommandLines.perPattern());
        assertThat(shaped).hasSizeGreaterThan(50).allSatisfy(l -> assertThat(l.text()).hasSize(32_767));
        assertThat(ordinary).allSatisfy(l -> assertThat(l.text()).hasSize(32_767));

        List<CommandLine> all = new ArrayList<>(ordinary);
        all.addAll(shaped);
        double[][] millis = new double[all.size()][ROUNDS];
        for (int round = -1; round < ROUNDS; round++) { // a round of warm-up first
            for (int i = 0; i < all.size(); i++) {
                CommandLine line = all.get(i);
                FieldSource event = AdversarialCommandLines.event(line)::get;
                // a backtracking engine would not come back from some of these: fail instead of hanging
                double cost = assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
                    long start = System.nanoTime();
                    rules.matches(event);
                    return (System.nanoTime() - start) / 1e6;
                }, () -> "one event took over 20 s: " + line.name());
                if (round >= 0) {
                    millis[i][round] = cost;
                }
            }
        }
        List<Cost> costs = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            double[] sorted = millis[i].clone();
            Arrays.sort(sorted);
            costs.add(new Cost(all.get(i), sorted[ROUNDS / 2]));
        }
        double ordinaryMax = costs.subList(0, ordinary.size()).stream().mapToDouble(Cost::millis).max().orElseThrow();
        Cost worst = costs.subList(ordinary.size(), costs.size()).stream()
                .max((a, b) -> Double.compare(a.millis(), b.millis())).orElseThrow();
        costs.forEach(c -> System.out.printf("%8.2f ms  %s%n", c.millis(), c.line().name()));
        System.out.printf("costliest ordinary %.2f ms, costliest shaped %.2f ms (%s): %.1f×%n", ordinaryMax,
                worst.millis(), worst.line().name(), worst.millis() / ordinaryMax);
        assertThat(worst.millis()).as("the costliest shaped line, %s", worst.line().name())
                .isLessThanOrEqualTo(BOUND * ordinaryMax);
    }

    /** The shaped lines reach the rules: the costs above are of evaluating them, not of skipping them. */
    @Test
    void shapedLinesAreEvaluatedNotSkipped() {
        SigmaRuleSet rules = SigmaTesting.sigmaHq();
        CommandLine everyLiteral = AdversarialCommandLines.shaped().stream()
                .filter(l -> l.name().equals("every regex literal")).findFirst().orElseThrow();
        Map<String, String> event = AdversarialCommandLines.event(everyLiteral);
        assertThat(assertTimeoutPreemptively(Duration.ofSeconds(20), () -> rules.matches(event::get)))
                .as("rules fire on the line that holds every literal").isNotEmpty();
    }
}
