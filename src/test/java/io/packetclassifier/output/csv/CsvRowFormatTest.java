package io.packetclassifier.output.csv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

import io.packetclassifier.event.SecurityEvent;
import io.packetclassifier.sigma.Classification;
import io.packetclassifier.sigma.RuleMatch;

/** The CSV row of an event: every value parses back unchanged, formulas are defused unless switched off. */
class CsvRowFormatTest {

    private static final RuleMatch RULE = new RuleMatch("rule-1", "A rule", "high", "seed", List.of("TA0002"),
            List.of(new RuleMatch.TechniqueRef("T1059", "Command and Scripting"),
                    new RuleMatch.TechniqueRef("T9999", null)));
    private static final Classification LABEL = new Classification("TA0002", "T1059", List.of(RULE));

    @Test
    void aRowParsesBackToTheValuesWithTheExtraColumns() throws Exception {
        String tricky = "a,b \"c\"\r\nd 😀";
        String row = new CsvRowFormat(false, true).row(event(tricky, "=1+2"), LABEL);
        assertThat(row).endsWith("\r\n");
        assertThat(parse(row).toList()).containsExactly("3f2b8c1e-0000-4000-8000-00000000abcd", tricky, "=1+2", "h",
                "", "process_start", "TA0002", "T1059", "rule-1", "Command and Scripting", "T1059;T9999");
        assertThat(new CsvRowFormat(false, true).columns()).containsExactly("event_id", "timestamp", "user", "host",
                "source_ip", "event_type", "mitre_tactic", "mitre_technique", "rule_id", "technique_name",
                "all_techniques");
    }

    @Test
    void theSeedsColumnsByDefault() throws Exception {
        CsvRowFormat format = new CsvRowFormat(true, false);
        assertThat(format.columns()).containsExactlyElementsOf(CsvRowFormat.COLUMNS);
        assertThat(parse(format.row(event("t", "u"), LABEL)).size()).isEqualTo(CsvRowFormat.COLUMNS.size());
    }

    @Test
    void formulaCellsAreEscapedUnlessSwitchedOff() throws Exception {
        assertThat(CsvRowFormat.escapeFormula("=1+2")).isEqualTo("'=1+2");
        assertThat(CsvRowFormat.escapeFormula("+1")).isEqualTo("'+1");
        assertThat(CsvRowFormat.escapeFormula("-1")).isEqualTo("'-1");
        assertThat(CsvRowFormat.escapeFormula("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvRowFormat.escapeFormula("\tx")).isEqualTo("'\tx");
        assertThat(CsvRowFormat.escapeFormula("\rx")).isEqualTo("'\rx");
        assertThat(CsvRowFormat.escapeFormula("alice")).isEqualTo("alice");
        assertThat(CsvRowFormat.escapeFormula("")).isEqualTo("");

        assertThat(parse(new CsvRowFormat(true, false).row(event("t", "=1+2"), LABEL)).get(2)).isEqualTo("'=1+2");
        assertThat(parse(new CsvRowFormat(false, false).row(event("t", "=1+2"), LABEL)).get(2)).isEqualTo("=1+2");
    }

    private static SecurityEvent event(String timestamp, String user) {
        return new SecurityEvent("3f2b8c1e-0000-4000-8000-00000000abcd", timestamp, user, "h", "", "process_start",
                Map.of(), 0x3f2b8c1e00004000L, 0x800000000000abcdL);
    }

    private static CSVRecord parse(String row) throws Exception {
        return CSVParser.parse(row, CsvRowFormat.FORMAT).getRecords().get(0);
    }
}
