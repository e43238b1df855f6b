package io.packetclassifier.view;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.opentelemetry.api.trace.Span;
import io.packetclassifier.attack.AttackCatalog;
import io.packetclassifier.event.SecurityEvent;
import io.packetclassifier.domain.ClassifiedBatch;
import io.packetclassifier.domain.WrittenBatch;
import io.packetclassifier.domain.ClassifiedEvent;
import io.packetclassifier.sigma.SigmaRuleSet;

/**
 * The counting behind the page and the layers, with a clock the test moves and real rules classifying: the
 * seed rules (one matches at most) and one more that overlaps them, tagged with a technique and its parent.
 */
class DetectionHistoryTest {

    static final SigmaRuleSet RULES = SigmaRuleSet.builder(AttackCatalog.bundled()).addYaml("overlap.yml", """
            title: Encoded command, tagged twice
            id: 5d1c2a40-0000-4000-8000-000000000001
            logsource:
                category: process_creation
            detection:
                selection:
                    CommandLine|contains: encodedcommand
                condition: selection
            tags:
                - attack.execution
                - attack.t1059.001
                - attack.t1059
            level: medium
            """).withSeedRules().build();

    final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    final DetectionHistory history = new DetectionHistory(true, Duration.ofHours(1), now::get);

    static ClassifiedEvent event(String type, String field, String value) {
        UUID uuid = UUID.randomUUID();
        String id = uuid.toString();
        SecurityEvent event = new SecurityEvent(id, "2026-11-28T10:00:00Z", "alice", "ws-1", "10.0.0.5", type,
                field == null ? Map.of("event_id", id, "event_type", type)
                        : Map.of("event_id", id, "event_type", type, field, value),
                uuid.getMostSignificantBits(), uuid.getLeastSignificantBits());
        return new ClassifiedEvent(event.columnsOnly(), RULES.classify(event), Span.getInvalid(), null, null);
    }

    static ClassifiedEvent encodedPowerShell() {
        return event("process_start", "command_line", "powershell.exe -EncodedCommand SQBFAFgA");
    }

    static ClassifiedEvent failedLogon() {
        return event("user_login", "logon_type", "failure");
    }

    static WrittenBatch batch(List<ClassifiedEvent> events) {
        return new WrittenBatch(new ClassifiedBatch(events, List.of(), 0, List.of(), 0), 0);
    }

    @Test
    void anEventCountsOnceForATechniqueAndOnceForItsFamily() {
        ClassifiedEvent powershell = encodedPowerShell();
        // the overlapping rule (T1059.001 and T1059), the seed's encoded-command (T1059.001) and any-process (T1059)
        assertThat(powershell.classification().matches()).hasSize(3);
        ClassifiedEvent shell = event("process_start", "command_line", "cmd.exe /c ver");
        assertThat(shell.classification().matches()).as("command shell, any process").hasSize(2);
        // a failed logon matches the seed's failed-logon rule (T1110) and its any-logon one (T1078)
        history.written(batch(List.of(powershell, shell, failedLogon(), event("network_connection", null, null))));

        Counts all = history.counts(null);
        assertThat(all.events()).isEqualTo(4);
        assertThat(all.matched()).isEqualTo(3);
        assertThat(all.techniques()).as("once per event however many of its rules name the technique")
                .containsExactlyInAnyOrderEntriesOf(
                        Map.of("T1059.001", 1L, "T1059", 2L, "T1059.003", 1L, "T1110", 1L, "T1078", 1L));
        assertThat(all.families()).as("two events in the T1059 family, whatever the number of their matches")
                .containsExactlyInAnyOrderEntriesOf(Map.of("T1059", 2L, "T1110", 1L, "T1078", 1L));
        assertThat(all.rules()).hasSize(6).containsEntry("7b5c8b4e-5a3a-4d53-9a53-000000000003", 2L)
                .containsEntry("5d1c2a40-0000-4000-8000-000000000001", 1L);
    }

    @Test
    void groupsOfTheSameRulesAddUpAcrossABatch() {
        List<ClassifiedEvent> events = new ArrayList<>();
        for (int i = 0; i < 1_000; i++) {
            events.add(i % 4 == 0 ? failedLogon() : encodedPowerShell());
        }
        BatchTally tally = BatchTally.of(events);
        assertThat(tally.groups()).as("one group per distinct list of matched rules").hasSize(2);
        history.written(batch(events));
        Counts all = history.counts(null);
        assertThat(all.families()).containsExactlyInAnyOrderEntriesOf(Map.of("T1059", 750L, "T1110", 250L, "T1078", 250L));
        assertThat(history.lastEvents("T1110", true)).hasSize(BatchTally.SAMPLES_PER_GROUP)
                .allMatch(e -> e.technique().equals("T1110"));
        assertThat(history.recent()).hasSize(LastEvents.RECENT);
        assertThat(history.recent().get(0).eventId()).as("newest first").isEqualTo(events.get(999).event().eventId());
    }

    @Test
    void windowsAreWholeBucketsThatAgeOut() {
        history.written(batch(List.of(failedLogon())));
        now.addAndGet(Duration.ofMinutes(3).toMillis());
        history.written(batch(List.of(failedLogon(), failedLogon())));
        assertThat(history.counts(Duration.ofMinutes(5)).families()).containsEntry("T1110", 3L);

        now.addAndGet(Duration.ofMinutes(2).plusSeconds(20).toMillis());
        assertThat(history.counts(Duration.ofMinutes(5)).families()).as("the first is older than 5 minutes")
                .containsEntry("T1110", 2L);
        assertThat(history.counts(Duration.ofSeconds(10)).families()).isEmpty();
        assertThat(history.counts(Duration.ofHours(1)).families()).containsEntry("T1110", 3L);

        now.addAndGet(Duration.ofHours(2).toMillis());
        history.written(batch(List.of(encodedPowerShell())));
        assertThat(history.counts(Duration.ofHours(1)).families()).as("an hour later the ring has moved on")
                .containsExactlyInAnyOrderEntriesOf(Map.of("T1059", 1L));
        assertThat(history.counts(null).families()).as("since start keeps all")
                .containsExactlyInAnyOrderEntriesOf(Map.of("T1059", 1L, "T1110", 3L, "T1078", 3L));
        assertThatThrownBy(() -> history.counts(Duration.ofMinutes(61))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void lastEventsOfASubTechniqueAreItsOwnOnly() {
        history.written(batch(List.of(encodedPowerShell(), event("process_start", "command_line", "cmd.exe /c ver"),
                event("process_start", "command_line", "notepad.exe"))));
        assertThat(history.lastEvents("T1059", true)).hasSize(3);
        assertThat(history.lastEvents("T1059.003", false)).hasSize(1)
                .allMatch(e -> e.matches().stream().anyMatch(m -> m.techniques().contains("T1059.003")));
        assertThat(history.lastEvents("T1110", true)).isEmpty();
    }

    @Test
    void aDisabledViewCountsNothing() {
        DetectionHistory off = new DetectionHistory(false, Duration.ofHours(1), now::get);
        off.written(batch(List.of(failedLogon())));
        assertThat(off.counts(null).events()).isZero();
        assertThat(off.recent()).isEmpty();
    }
}
