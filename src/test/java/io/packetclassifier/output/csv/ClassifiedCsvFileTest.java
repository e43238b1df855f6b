package io.packetclassifier.output.csv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

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
        try (ClassifiedCsvFile file = CsvFiles.open(csv)) {
            file.append(CsvFiles.row("id-1", "t", "u", "h", "ip", "user_login", "TA0006", "T1110"));
        }
        try (ClassifiedCsvFile file = CsvFiles.open(csv)) {
            file.append(CsvFiles.row("id-2", "t", "u", "h", "ip", "user_login", "TA0001", "T1078"));
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
        try (ClassifiedCsvFile file = CsvFiles.open(csv)) {
            file.flush(); // the header
            long headerBytes = Files.size(csv);
            for (int i = 0; i < 5_000; i++) { // ~300 KiB, far beyond any stream buffer
                file.append(CsvFiles.row("id-" + i, "2026-11-29T00:00:00Z", "user-" + i, "host", "10.0.0.1", "process_start",
                        "TA0002", "T1059"));
            }
            assertThat(Files.size(csv)).as("bytes in the file before the flush").isEqualTo(headerBytes);
            file.flush();
            assertThat(Files.readString(csv, StandardCharsets.UTF_8)).endsWith("T1059\r\n");
            assertThat(TestEvents.records(csv)).hasSize(5_000);
        }
    }

    /** A flush that failed dropped its rows (the writer writes the batch again into the reopened file): closing
     * after it must not write them a second time. */
    @Test
    void aFailedFlushIsNotRepeatedByClose() throws Exception {
        AtomicInteger writes = new AtomicInteger();
        OutputStream full = new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] { (byte) b }, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                writes.incrementAndGet();
                throw new IOException("No space left on device");
            }
        };
        WholeRowsWriter writer = new WholeRowsWriter(full);
        writer.append("id-1,t,u,h,ip,x,TA0000,T0000\r\n");
        assertThatThrownBy(writer::flush).hasMessageContaining("No space left");
        writer.close();
        assertThat(writes).hasValue(1);
    }

    /**
     * Each flush writes what was held since the last one as String.getBytes(UTF-8) would, in batches small and
     * large: characters of two to four bytes, a surrogate pair split across writes, a lone surrogate as '?'.
     */
    @Test
    void heldTextIsWrittenAsUtf8InBatchesOfAnySize() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
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
        try (ClassifiedCsvFile file = CsvFiles.open(csv)) {
            file.append(CsvFiles.row("id-1", "t", "u", "h", "ip", "x", "TA0000", "T0000"));
        }
        assertThat(TestEvents.headerLines(csv)).isEqualTo(1);
    }

    @Test
    void rowsAreRfc4180WithCrLfAndQuotedSpecials() throws Exception {
        Path csv = dir.resolve("out.csv");
        String tricky = "a,b \"c\"\r\nd";
        try (ClassifiedCsvFile file = CsvFiles.open(csv)) {
            file.append(CsvFiles.row("id-1", tricky, "üser ✓", "h", "ip", "x", "TA0000", "T0000"));
        }
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        assertThat(text).contains("\"a,b \"\"c\"\"\r\nd\"").endsWith("\r\n");
        CSVRecord row = TestEvents.records(csv).get(0);
        assertThat(row.get("timestamp")).isEqualTo(tricky);
        assertThat(row.get("user")).isEqualTo("üser ✓");
    }

    @Test
    void aFileWithOtherColumnsIsRefused() throws Exception {
        Path csv = Files.writeString(dir.resolve("other.csv"), "a,b\r\n1,2\r\n");
        assertThatThrownBy(() -> CsvFiles.open(csv)).isInstanceOf(IOException.class)
                .hasMessageContaining("has the columns 'a,b'");
        assertThat(Files.readString(csv)).isEqualTo("a,b\r\n1,2\r\n");
    }

    @Test
    void saysWhyAPathCannotBeAppendedTo() throws Exception {
        assertThat(ClassifiedCsvFile.problem(dir.resolve("new/folders/out.csv"))).isNull();
        assertThat(ClassifiedCsvFile.problem(Files.createDirectory(dir.resolve("folder.csv"))))
                .endsWith("is not a regular file");
        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        assertThat(ClassifiedCsvFile.problem(file.resolve("out.csv"))).endsWith("not-a-folder is not a folder");
    }
}
