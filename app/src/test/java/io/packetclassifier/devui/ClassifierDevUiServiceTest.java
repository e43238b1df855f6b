package io.packetclassifier.devui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.packetclassifier.observability.RecentEvents;
import io.packetclassifier.rules.ActiveRules;
import io.packetclassifier.sink.CsvConfig;
import io.packetclassifier.testing.KafkaBroker;
import io.packetclassifier.testing.TestEvents;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The Dev UI's JSON-RPC methods, called on the bean as the Dev UI router does: the generator they switch on
 * publishes to the real test broker, and the counts and recent events they report follow the rows written.
 */
@QuarkusTest
@QuarkusTestResource(KafkaBroker.class)
class ClassifierDevUiServiceTest {

    static final Duration TIMEOUT = Duration.ofSeconds(60);

    @Inject
    ClassifierDevUiService service;

    @Inject
    ActiveRules rules;

    @Inject
    CsvConfig csv;

    @AfterEach
    void generatorOff() {
        service.generator(false, 0);
    }

    @Test
    void theGeneratorTogglesAndTheCountsFollowTheRowsWritten() throws Exception {
        ClassifierDevUiService.Summary before = service.summary();
        assertThat(before.generator().running()).isFalse();
        assertThat(before.rulesLoaded()).isEqualTo(rules.size()).isPositive();
        assertThat(before.rulesUnsupported()).isZero();

        ClassifierDevUiService.Generator on = service.generator(true, 200);
        assertThat(on.running()).isTrue();
        assertThat(on.rate()).isEqualTo(200.0);

        ClassifierDevUiService.Summary after = await().atMost(TIMEOUT).pollInterval(Duration.ofMillis(200))
                .until(service::summary, s -> s.written() >= before.written() + 100);
        assertThat(after.generator()).isEqualTo(new ClassifierDevUiService.Generator(true, 200.0));
        assertThat(after.consumed()).isGreaterThanOrEqualTo(after.written());
        long labelled = after.perTactic().values().stream().mapToLong(Long::longValue).sum();
        assertThat(labelled).isGreaterThanOrEqualTo(after.written());
        after.perTechnique().forEach((tactic, techniques) -> assertThat(techniques.values().stream()
                .mapToLong(Long::longValue).sum()).as(tactic).isEqualTo(after.perTactic().get(tactic)));
        assertThat(after.deadLettered()).isEqualTo(after.deadLetteredByReason().values().stream()
                .mapToLong(Long::longValue).sum());

        ClassifierDevUiService.Generator off = service.generator(false, 0);
        assertThat(off.running()).isFalse();
        assertThat(service.summary().generator().running()).isFalse();

        // Every recent event is a row of the CSV file, with the same labels.
        List<RecentEvents.Entry> recent = service.recentEvents();
        assertThat(recent).isNotEmpty().hasSizeLessThanOrEqualTo(RecentEvents.CAPACITY);
        Path path = csv.path();
        Map<String, org.apache.commons.csv.CSVRecord> rows = TestEvents.rowsById(path);
        for (RecentEvents.Entry entry : recent) {
            assertThat(rows).containsKey(entry.eventId());
            assertThat(rows.get(entry.eventId()).get("mitre_tactic")).isEqualTo(entry.tactic());
            assertThat(rows.get(entry.eventId()).get("mitre_technique")).isEqualTo(entry.technique());
            assertThat(rows.get(entry.eventId()).get("user")).isEqualTo(entry.user());
        }
        assertThat(recent).extracting(RecentEvents.Entry::writtenAt).isSortedAccordingTo((a, b) -> Long.compare(b, a));
    }

    @Test
    void switchingOnWithoutARateKeepsTheCurrentOne() {
        double current = service.summary().generator().rate();
        assertThat(service.generator(true, 0)).isEqualTo(new ClassifierDevUiService.Generator(true, current));
    }
}
