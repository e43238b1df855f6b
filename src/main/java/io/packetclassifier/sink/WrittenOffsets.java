package io.packetclassifier.sink;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.Map;

/**
 * The highest Kafka offset per topic-partition whose row is in the CSV file, kept in a small file beside it
 * ({@code <csv>.offsets}, one {@code topic<TAB>partition<TAB>offset} line per written batch and partition).
 * Kafka's committed offset lags behind the file; this does not, so replayed records are recognised exactly.
 */
final class WrittenOffsets implements AutoCloseable {

    private static final long COMPACT_AT_BYTES = 1 << 20;

    private final Path path;
    private final Map<String, Long> written;
    private BufferedWriter log;

    private WrittenOffsets(Path path, Map<String, Long> written) throws IOException {
        this.path = path;
        this.written = written;
        compact();
    }

    static Path beside(Path csv) {
        return csv.resolveSibling(csv.getFileName() + ".offsets");
    }

    static WrittenOffsets open(Path path) throws IOException {
        Map<String, Long> written = new HashMap<>();
        if (Files.exists(path)) {
            for (String line : Files.readAllLines(path, StandardCharsets.UTF_8)) {
                String[] parts = line.split("\t");
                if (parts.length != 3) {
                    continue; // a line torn by a crash: its batch is found by event_id instead
                }
                try {
                    written.merge(parts[0] + "\t" + parts[1], Long.parseLong(parts[2]), Math::max);
                } catch (NumberFormatException torn) {
                    // as above
                }
            }
        }
        return new WrittenOffsets(path, written);
    }

    /** Whether the record at this position already has its row in the file. */
    boolean covers(String topic, int partition, long offset) {
        Long last = written.get(topic + "\t" + partition);
        return last != null && offset <= last;
    }

    void record(String topic, int partition, long offset) throws IOException {
        String key = topic + "\t" + partition;
        written.merge(key, offset, Math::max);
        log.write(key + "\t" + offset + "\n");
    }

    void flush() throws IOException {
        log.flush();
        if (Files.size(path) > COMPACT_AT_BYTES) {
            compact();
        }
    }

    private void compact() throws IOException {
        if (log != null) {
            log.close();
        }
        Path tmp = path.resolveSibling(path.getFileName() + ".tmp");
        StringBuilder text = new StringBuilder();
        written.forEach((key, offset) -> text.append(key).append('\t').append(offset).append('\n'));
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        Files.move(tmp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        log = Files.newBufferedWriter(path, StandardCharsets.UTF_8, StandardOpenOption.APPEND);
    }

    @Override
    public void close() throws IOException {
        log.close();
    }
}
