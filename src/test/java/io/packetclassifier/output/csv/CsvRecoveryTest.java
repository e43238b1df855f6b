package io.packetclassifier.output.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.packetclassifier.testing.TestEvents;

class CsvRecoveryTest {

    @TempDir
    Path dir;

    @Test
    void aTornLastRowIsRemovedAndTheCompleteRowsAreRemembered() throws Exception {
        Path csv = dir.resolve("out.csv");
        String a = UUID.randomUUID().toString();
        String b = UUID.randomUUID().toString();
        try (ClassifiedCsvFile file = CsvFiles.open(csv)) {
            file.append(CsvFiles.row(a, "t", "multi\r\nline, \"quoted\"", "h", "ip", "x", "TA0000", "T0000"));
            file.append(CsvFiles.row(b, "t", "u", "h", "ip", "x", "TA0000", "T0000"));
        }
        long complete = Files.size(csv);
        Files.writeString(csv, UUID.randomUUID() + ",2026-11-28,\"half a quoted\r\nval", java.nio.file.StandardOpenOption.APPEND);

        CsvRecovery.Result result = CsvRecovery.recover(csv, 1 << 20, new UuidSet());

        assertThat(Files.size(csv)).isEqualTo(complete);
        assertThat(result.removedBytes()).isPositive();
        assertThat(result.tailEventIds().size()).isEqualTo(2);
        assertThat(CsvFiles.contains(result.tailEventIds(), a) && CsvFiles.contains(result.tailEventIds(), b)).isTrue();
        assertThat(TestEvents.records(csv)).extracting(r -> r.get("event_id")).containsExactly(a, b);
    }

    @Test
    void aTornHeaderLeavesAnEmptyFileThatGetsAFreshHeader() throws Exception {
        Path csv = dir.resolve("out.csv");
        Files.writeString(csv, "event_id,timesta");
        CsvRecovery.recover(csv, 1 << 20, new UuidSet());
        assertThat(Files.size(csv)).isZero();
        try (ClassifiedCsvFile file = CsvFiles.open(csv)) {
            file.append(CsvFiles.row("x", "t", "u", "h", "ip", "x", "TA0000", "T0000"));
        }
        assertThat(TestEvents.headerLines(csv)).isEqualTo(1);
    }

    @Test
    void anIntactFileIsLeftAlone() throws Exception {
        Path csv = dir.resolve("out.csv");
        try (ClassifiedCsvFile file = CsvFiles.open(csv)) {
            file.append(CsvFiles.row(UUID.randomUUID().toString(), "t", "u", "h", "ip", "x", "TA0000", "T0000"));
        }
        byte[] before = Files.readAllBytes(csv);
        assertThat(CsvRecovery.recover(csv, 1 << 20, new UuidSet()).removedBytes()).isZero();
        assertThat(Files.readAllBytes(csv)).isEqualTo(before);
        assertThat(CsvRecovery.recover(dir.resolve("missing.csv"), 1 << 20, new UuidSet()).tailEventIds().size()).isZero();
    }

    @Test
    void onlyTheTailOfALargeFileIsReadStartingAtARowBoundary() throws Exception {
        Path csv = dir.resolve("big.csv");
        String last = null;
        try (ClassifiedCsvFile file = CsvFiles.open(csv)) {
            for (int i = 0; i < 60_000; i++) {
                last = UUID.randomUUID().toString();
                // Values with CRLF inside quotes must not be taken for row ends when resynchronising.
                file.append(CsvFiles.row(last, "t", "user\r\n" + i, "h", "ip", "x", "TA0000", "T0000"));
            }
        }
        assertThat(Files.size(csv)).isGreaterThan(4 << 20);
        CsvRecovery.Result result = CsvRecovery.recover(csv, 4 << 20, new UuidSet());
        assertThat(result.removedBytes()).isZero();
        assertThat(CsvFiles.contains(result.tailEventIds(), last)).isTrue();
        assertThat(result.tailEventIds().size()).isBetween(40_000, 59_999);
    }

    @Test
    void aLongUnterminatedEndIsNotOursAndIsRefusedNotCut() throws IOException {
        Path csv = dir.resolve("foreign.csv");
        Files.writeString(csv, "event_id,timestamp\r\n" + "x".repeat(CsvRecovery.MAX_TORN_BYTES + 10), StandardCharsets.UTF_8);
        long size = Files.size(csv);
        assertThatThrownBy(() -> CsvRecovery.recover(csv, 4 << 20, new UuidSet())).isInstanceOf(IOException.class)
                .hasMessageContaining("not a complete CSV row");
        assertThatThrownBy(() -> CsvRecovery.recover(csv, 1 << 20, new UuidSet())).isInstanceOf(IOException.class)
                .hasMessageContaining("no row of this service");
        assertThat(Files.size(csv)).isEqualTo(size);
    }
}
