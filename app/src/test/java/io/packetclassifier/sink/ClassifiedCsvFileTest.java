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
