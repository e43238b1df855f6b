package io.packetclassifier.testing;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Builds raw events and reads the CSV back, independently of the code under test. */
public final class TestEvents {

    private static final ObjectMapper JSON = new ObjectMapper();

    private TestEvents() {
    }

    /** A seed-shaped event; {@code extra} entries override or add fields (a null value removes the field). */
    public static Map<String, Object> event(String eventType, Map<String, Object> extra) {
        Map<String, Object> event = new LinkedHashMap<>();
        event.put("event_id", UUID.randomUUID().toString());
        event.put("timestamp", "2026-11-28T10:00:00Z");
        event.put("user", "alice");
        event.put("host", "ws-001");
        event.put("source_ip", "10.0.0.5");
        event.put("event_type", eventType);
        extra.forEach((key, value) -> {
            if (value == null) {
                event.remove(key);
            } else {
                event.put(key, value);
            }
        });
        return event;
    }

    public static byte[] json(Map<String, Object> event) {
        try {
            return JSON.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** All data rows of the CSV file keyed by event_id (header checked separately). */
    public static Map<String, CSVRecord> rowsById(Path csv) throws IOException {
        Map<String, CSVRecord> rows = new LinkedHashMap<>();
        if (!Files.exists(csv)) {
            return rows;
        }
        for (CSVRecord row : records(csv)) {
            rows.put(row.get("event_id"), row);
        }
        return rows;
    }

    /** The file's rows by column name, its header skipped. */
    private static final CSVFormat ROWS = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();

    public static List<CSVRecord> records(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return ROWS.parse(reader).getRecords();
        }
    }

    /**
     * The rows up to the file's last CRLF, as the service counts them: an unterminated end is what a killed
     * process was writing (CsvRecovery cuts it when that instance starts again). The test events hold no CRLF.
     */
    public static List<CSVRecord> completeRecords(Path csv) throws IOException {
        String text = Files.readString(csv, StandardCharsets.UTF_8);
        String complete = text.substring(0, text.lastIndexOf("\r\n") + 2);
        return ROWS.parse(new java.io.StringReader(complete)).getRecords();
    }

    public static long headerLines(Path csv) throws IOException {
        try (Reader reader = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return CSVFormat.RFC4180.parse(reader).stream()
                    .filter(r -> r.get(0).equals("event_id") && r.get(7).equals("mitre_technique")).count();
        }
    }
}
