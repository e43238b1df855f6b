package io.packetclassifier.sink;

import java.io.IOException;
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
    private final CSVPrinter printer;
    private final Object fileKey;

    private ClassifiedCsvFile(Path path, boolean escapeFormulas, CSVPrinter printer,
            Object fileKey) {
        this.path = path;
        this.escapeFormulas = escapeFormulas;
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
        WholeRowsWriter writer = new WholeRowsWriter(Files.newOutputStream(path, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        CSVPrinter printer = new CSVPrinter(writer, FORMAT);
        if (empty) {
            printer.printRecord(columns);
        }
        return new ClassifiedCsvFile(path, escapeFormulas, printer, fileKey(path));
    }

    private static String firstLine(Path path) throws IOException {
        try (var in = Files.newInputStream(path)) {
            String start = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            int end = start.indexOf("\r\n");
            return end < 0 ? start : start.substring(0, end);
        }
    }

    /** Appends the event's row, made by {@link ClassifiedEventEncoder}. Held until {@link #flush()}. */
    public void append(io.packetclassifier.domain.ClassifiedEvent classified) throws IOException {
        printer.getOut().append(classified.csvRow());
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

    /** Appends one row; values in column order. Held until {@link #flush()}. */
    public void append(String... values) throws IOException {
        printRow(printer.getOut(), escapeFormulas, values);
    }

    /**
     * One row in the file's format. Value by value rather than {@code printRecord}, whose stream plumbing cost
     * more than the quoting itself.
     */
    static void printRow(Appendable out, boolean escapeFormulas, String... values) throws IOException {
        for (int i = 0; i < values.length; i++) {
            FORMAT.print(escapeFormulas ? escapeFormula(values[i]) : values[i], out, i == 0);
        }
        FORMAT.println(out);
    }

    /** Writes the rows appended since the last flush, in one write (see {@link WholeRowsWriter}). */
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
