package io.packetclassifier.sink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The output file: RFC 4180 rows in the seed notebook's columns, appended across restarts. */
public final class ClassifiedCsvFile implements AutoCloseable {

    public static final List<String> COLUMNS = List.of("event_id", "timestamp", "user", "host", "source_ip",
            "event_type", "mitre_tactic", "mitre_technique");
    /** Optional, after the seed's columns: the primary rule, the technique's name, every technique matched. */
    public static final List<String> EXTRA_COLUMNS = List.of("rule_id", "technique_name", "all_techniques");
    public static final CSVFormat FORMAT = CSVFormat.RFC4180;

    private final Path path;
    private final boolean escapeFormulas;
    private final boolean extraColumns;
    private final CSVPrinter printer;
    private final Object fileKey;

    private ClassifiedCsvFile(Path path, boolean escapeFormulas, boolean extraColumns, CSVPrinter printer,
            Object fileKey) {
        this.path = path;
        this.escapeFormulas = escapeFormulas;
        this.extraColumns = extraColumns;
        this.printer = printer;
        this.fileKey = fileKey;
    }

    public static ClassifiedCsvFile open(Path path, boolean escapeFormulas) throws IOException {
        return open(path, escapeFormulas, false);
    }

    /**
     * Opens {@code path} for appending, writing the header only when the file is new or empty; refuses a
     * file whose header has other columns (rows of two layouts must not mix).
     */
    public static ClassifiedCsvFile open(Path path, boolean escapeFormulas, boolean extraColumns) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        List<String> columns = new java.util.ArrayList<>(COLUMNS);
        if (extraColumns) {
            columns.addAll(EXTRA_COLUMNS);
        }
        boolean empty = !Files.exists(path) || Files.size(path) == 0;
        if (!empty) {
            String header = firstLine(path);
            if (!header.equals(String.join(",", columns))) {
                throw new IOException(path + " has the columns '" + header + "' but this service writes '"
                        + String.join(",", columns) + "' (classifier.csv.extra-columns): use another file");
            }
        }
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(path,
                StandardOpenOption.CREATE, StandardOpenOption.APPEND, StandardOpenOption.WRITE), StandardCharsets.UTF_8),
                1 << 16);
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        if (empty) {
            printer.printRecord(columns);
        }
        return new ClassifiedCsvFile(path, escapeFormulas, extraColumns, printer, fileKey(path));
    }

    private static String firstLine(Path path) throws IOException {
        try (var in = Files.newInputStream(path)) {
            String start = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            int end = start.indexOf("\r\n");
            return end < 0 ? start : start.substring(0, end);
        }
    }

    /** Appends the event's row. Buffered until {@link #flush()}. */
    public void append(io.packetclassifier.pipeline.ClassifiedEvent classified) throws IOException {
        io.packetclassifier.event.SecurityEvent e = classified.event();
        if (!extraColumns) {
            append(e.eventId(), e.timestamp(), e.user(), e.host(), e.sourceIp(), e.eventType(), classified.tactic(),
                    classified.technique());
            return;
        }
        var matches = classified.classification().matches();
        String ruleId = "";
        String techniqueName = "";
        java.util.LinkedHashSet<String> all = new java.util.LinkedHashSet<>();
        for (var match : matches) {
            for (var technique : match.techniques()) {
                all.add(technique.id());
                if (technique.id().equals(classified.technique()) && ruleId.isEmpty()) {
                    ruleId = match.id();
                    techniqueName = technique.name() == null ? "" : technique.name();
                }
            }
        }
        append(e.eventId(), e.timestamp(), e.user(), e.host(), e.sourceIp(), e.eventType(), classified.tactic(),
                classified.technique(), ruleId, techniqueName, String.join(";", all));
    }

    /**
     * Whether the path still names the file being written: false once it was deleted, moved away or
     * replaced (rows written then would land in a file nobody sees).
     */
    public boolean stillAtPath() {
        try {
            return fileKey != null && fileKey.equals(fileKey(path));
        } catch (IOException e) {
            return false;
        }
    }

    private static Object fileKey(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    public Path path() {
        return path;
    }

    /** Appends one row; values in column order. Buffered until {@link #flush()}. */
    public void append(String... values) throws IOException {
        if (escapeFormulas) {
            for (int i = 0; i < values.length; i++) {
                values[i] = escapeFormula(values[i]);
            }
        }
        printer.printRecord((Object[]) values);
    }

    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close(true);
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
