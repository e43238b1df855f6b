package io.packetclassifier.sink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.packetclassifier.testing.TestEvents;

class ClassifiedCsvFileTest {

    @TempDir
    Path dir;

    @Test
    void aNewFileGetsTheSeedHeaderAndAReopenedOneDoesNot() throws Exception {
        Path csv = dir.resolve("nested/classified_packets.csv");
        try (ClassifiedCsvFile file = ClassifiedCsvFile.open(csv, true)) {
            file.append("id-1", "t", "u", "h", "ip", "user_login", "TA0006", "T1110");
        }
        try (ClassifiedCsvFile file = ClassifiedCsvFile.open(csv, true)) {
            file.append("id-2", "t", "u", "h", "ip", "user_login", "TA0001", "T1078");
        }
        List<String> lines = Files.readAllLines(csv);
        assertThat(lines.get(0)).isEqualTo("event_id,timestamp,user,host,source_ip,event_type,mitre_tactic,mitre_technique");
        assertThat(TestEvents.headerLines(csv)).isEqualTo(1);
        assertThat(TestEvents.records(csv)).extracting(r -> r.get("event_id")).containsExactly("id-1", "id-2");
    }

    /**
     * Rows reach the file only at a flush, all at once: a process killed while a batch is being appended leaves
     * the file ending on a whole row (a buffered writer wrote every few KiB, mid-row).
     */
    @Test
    void rowsReachTheFileWholeAndOnlyAtAFlush() throws Exception {
        Path csv = dir.resolve("whole.csv");
        try (ClassifiedCsvFile file = ClassifiedCsvFile.open(csv, true)) {
            file.flush(); // the header
            long headerBytes = Files.size(csv);
            for (int i = 0; i < 5_000; i++) { // ~300 KiB, far beyond any stream buffer
                file.append("id-" + i, "2026-11-29T00:00:00Z", "user-" + i, "host", "10.0.0.1", "process_start",
                        "TA0002", "T1059");
            }
            assertThat(Files.size(csv)).as("bytes in the file before the flush").isEqualTo(headerBytes);
            file.flush();
            assertThat(Files.readString(csv, StandardCharsets.UTF_8)).endsWith("T1059\r\n");
            assertThat(TestEvents.records(csv)).hasSize(5_000);
        }
    }

    /** A flush that failed dropped its rows (the sink writes the batch again into the reopened file): closing
     * after it must not write them a second time. */
    @Test
    void aFailedFlushIsNotRepeatedByClose() throws Exception {
        java.util.concurrent.atomic.AtomicInteger writes = new java.util.concurrent.atomic.AtomicInteger();
        java.io.OutputStream full = new java.io.OutputStream() {
            @Override
            public void write(int b) throws java.io.IOException {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws java.io.IOException {
                writes.incrementAndGet();
                throw new java.io.IOException("No space left on device");
            }
        };
        WholeRowsWriter writer = new WholeRowsWriter(full);
        writer.append("id-1,t,u,h,ip,x,TA0000,T0000\r\n");
        org.assertj.core.api.Assertions.assertThatThrownBy(writer::flush).hasMessageContaining("No space left");
        writer.close();
        assertThat(writes).hasValue(1);
    }

    /**
     * Each flush writes what was held since the last one as String.getBytes(UTF-8) would, in batches small and
     * large: characters of two to four bytes, a surrogate pair split across writes, a lone surrogate as '?'.
     */
    @Test
    void heldTextIsWrittenAsUtf8InBatchesOfAnySize() throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.ByteArrayOutputStream expected = new java.io.ByteArrayOutputStream();
        WholeRowsWriter writer = new WholeRowsWriter(out);
        String big = "ü✓\uD83D\uDE00,".repeat(30_000) + "lone \uD800\r\n";
        for (String batch : List.of("id-1,x\r\n", big, "id-2,ÿ\r\n")) {
            writer.append(batch, 0, 2); // Writer.append → write(String, int, int)
            writer.write(batch.toCharArray(), 2, 1);
            writer.append(batch.charAt(3)); // → write(int)
            writer.append(batch.substring(4));
            int before = out.size();
            writer.flush();
            assertThat(out.size() - before).isEqualTo(batch.getBytes(StandardCharsets.UTF_8).length);
            expected.write(batch.getBytes(StandardCharsets.UTF_8));
        }
        assertThat(out.toByteArray()).isEqualTo(expected.toByteArray());
    }

    @Test
    void anEmptyExistingFileGetsAHeader() throws Exception {
        Path csv = Files.createFile(dir.resolve("empty.csv"));
        try (ClassifiedCsvFile file = ClassifiedCsvFile.open(csv, true)) {
            file.append("id-1", "t", "u", "h", "ip", "x", "TA0000", "T0000");
        }
        assertThat(TestEvents.headerLines(csv)).isEqualTo(1);
    }

    @Test
    void rowsAreRfc4180WithCrLfAndQuotedSpecials() throws Exception {
        Path csv = dir.resolve("out.csv");
        String tricky = "a,b \"c\"\r\nd";
        try (ClassifiedCsvFile file = ClassifiedCsvFile.open(csv, true)) {
            file.append("id-1", tricky, "üser ✓", "h", "ip", "x", "TA0000", "T0000");
        }
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\"a,b \"\"c\"\"\r\nd\"").endsWith("\r\n");
        CSVRecord row = TestEvents.records(csv).get(0);
        assertThat(row.get("timestamp")).isEqualTo(tricky);
        assertThat(row.get("user")).isEqualTo("üser ✓");
    }

    @Test
    void formulaCellsAreEscapedUnlessSwitchedOff() throws Exception {
        assertThat(ClassifiedCsvFile.escapeFormula("=1+2")).isEqualTo("'=1+2");
        assertThat(ClassifiedCsvFile.escapeFormula("+1")).isEqualTo("'+1");
        assertThat(ClassifiedCsvFile.escapeFormula("-1")).isEqualTo("'-1");
        assertThat(ClassifiedCsvFile.escapeFormula("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(ClassifiedCsvFile.escapeFormula("\tx")).isEqualTo("'\tx");
        assertThat(ClassifiedCsvFile.escapeFormula("\rx")).isEqualTo("'\rx");
        assertThat(ClassifiedCsvFile.escapeFormula("alice")).isEqualTo("alice");
        assertThat(ClassifiedCsvFile.escapeFormula("")).isEqualTo("");

        Path csv = dir.resolve("raw.csv");
        try (ClassifiedCsvFile file = ClassifiedCsvFile.open(csv, false)) {
            file.append("id", "=1+2", "u", "h", "ip", "x", "TA0000", "T0000");
        }
        assertThat(TestEvents.records(csv).get(0).get("timestamp")).isEqualTo("=1+2");
    }
}
