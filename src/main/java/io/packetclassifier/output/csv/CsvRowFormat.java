package io.packetclassifier.output.csv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import org.apache.commons.csv.CSVFormat;

import io.packetclassifier.event.SecurityEvent;
import io.packetclassifier.sigma.Classification;
import io.packetclassifier.sigma.RuleMatch;

/**
 * The CSV file's rows: RFC 4180 (commons-csv) in the seed notebook's columns, optionally three more, with cells
 * that a spreadsheet would run as a formula defused. Rows are made where events are classified, so that the
 * writer, the pipeline's slowest stage, only appends them.
 */
@Singleton
public class CsvRowFormat {

    static final List<String> COLUMNS = List.of("event_id", "timestamp", "user", "host", "source_ip", "event_type",
            "mitre_tactic", "mitre_technique");
    /** Optional, after the seed's columns: the primary rule, the technique's name, every technique matched. */
    static final List<String> EXTRA_COLUMNS = List.of("rule_id", "technique_name", "all_techniques");
    static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final boolean escapeFormulas;
    private final boolean extraColumns;
    private final StringBuilder row = new StringBuilder(256);

    @Inject
    CsvRowFormat(CsvConfig config) {
        this(config.escapeFormulas(), config.extraColumns());
    }

    CsvRowFormat(boolean escapeFormulas, boolean extraColumns) {
        this.escapeFormulas = escapeFormulas;
        this.extraColumns = extraColumns;
    }

    /** The header's columns. */
    List<String> columns() {
        List<String> columns = new ArrayList<>(COLUMNS);
        if (extraColumns) {
            columns.addAll(EXTRA_COLUMNS);
        }
        return columns;
    }

    /** The event's row, CRLF-terminated. */
    public synchronized String row(SecurityEvent event, Classification classification) {
        row.setLength(0);
        try {
            // Value by value rather than printRecord, whose stream plumbing cost more than the quoting itself.
            String[] values = values(event, classification);
            for (int i = 0; i < values.length; i++) {
                FORMAT.print(escapeFormulas ? escapeFormula(values[i]) : values[i], row, i == 0);
            }
            FORMAT.println(row);
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return row.toString();
    }

    private String[] values(SecurityEvent e, Classification c) {
        if (!extraColumns) {
            return new String[] { e.eventId(), e.timestamp(), e.user(), e.host(), e.sourceIp(), e.eventType(),
                    c.tactic(), c.technique() };
        }
        String ruleId = "";
        String techniqueName = "";
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (RuleMatch match : c.matches()) {
            for (RuleMatch.TechniqueRef technique : match.techniques()) {
                all.add(technique.id());
                if (technique.id().equals(c.technique()) && ruleId.isEmpty()) {
                    ruleId = match.id();
                    techniqueName = technique.name() == null ? "" : technique.name();
                }
            }
        }
        return new String[] { e.eventId(), e.timestamp(), e.user(), e.host(), e.sourceIp(), e.eventType(),
                c.tactic(), c.technique(), ruleId, techniqueName, String.join(";", all) };
    }

    /** OWASP CSV injection defence: a cell a spreadsheet would evaluate gets a leading quote. */
    static String escapeFormula(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + value
                : value;
    }
}
