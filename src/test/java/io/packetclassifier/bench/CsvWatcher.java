package io.packetclassifier.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * Tails a CSV file written by another process in a tight loop (about every millisecond) and counts its
 * data rows (lines after the header). Records when the first row appeared and when the row count last
 * grew; optionally hands every complete data row to a listener together with the wall-clock time (epoch
 * nanoseconds) of the read that saw it.
 */
final class CsvWatcher implements AutoCloseable {

    interface RowListener {
        void row(String line, long seenEpochNanos);
    }

    private final Path file;
    private final RowListener listener;
    private final Runnable onFirstRow;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile long lines;
    private volatile long firstRowNanos;
    private volatile long lastGrowthNanos;
    private final long halfway;
    private volatile long halfwayRows;
    private volatile long halfwayNanos;

    CsvWatcher(Path file, RowListener listener, Runnable onFirstRow) {
        this(file, listener, onFirstRow, 0);
    }

    /** {@code halfway}: a row count whose first sighting is timed too (0: none). */
    CsvWatcher(Path file, RowListener listener, Runnable onFirstRow, long halfway) {
        this.halfway = halfway;
        this.file = file;
        this.listener = listener;
        this.onFirstRow = onFirstRow;
        this.thread = new Thread(this::loop, "csv-watcher");
        this.thread.setDaemon(true);
        this.thread.setPriority(Thread.MAX_PRIORITY);
        this.thread.start();
    }

    long rows() {
        return Math.max(0, lines - 1);
    }

    /** System.nanoTime() of the read that first saw a data row; 0 until then. */
    long firstRowNanos() {
        return firstRowNanos;
    }

    /** Rows seen by the first read that saw at least {@code halfway} rows, and its System.nanoTime(); 0 until then. */
    long halfwayRows() {
        return halfwayRows;
    }

    long halfwayNanos() {
        return halfwayNanos;
    }

    /** System.nanoTime() of the read that last saw new rows. */
    long lastGrowthNanos() {
        return lastGrowthNanos;
    }

    /**
     * Waits until at least {@code expected} rows are there. Gives up when no row arrives for {@code stallMs}
     * (after the first row; {@code startMs} before it) or after {@code totalMs}.
     */
    boolean await(long expected, long startMs, long stallMs, long totalMs) throws InterruptedException {
        long begin = System.nanoTime();
        while (rows() < expected) {
            long now = System.nanoTime();
            if (now - begin > TimeUnit.MILLISECONDS.toNanos(totalMs)) {
                return false;
            }
            long first = firstRowNanos;
            if (first == 0 && now - begin > TimeUnit.MILLISECONDS.toNanos(startMs)) {
                return false;
            }
            if (first != 0 && now - lastGrowthNanos > TimeUnit.MILLISECONDS.toNanos(stallMs)) {
                return false;
            }
            Thread.sleep(1);
        }
        return true;
    }

    private void loop() {
        ByteBuffer buffer = ByteBuffer.allocate(1 << 20);
        FileChannel channel = null;
        try {
            while (running) {
                if (channel == null) {
                    if (Files.exists(file)) {
                        channel = FileChannel.open(file, StandardOpenOption.READ);
                    } else {
                        LockSupport.parkNanos(1_000_000);
                        continue;
                    }
                }
                int n = channel.read(buffer);
                if (n <= 0) {
                    LockSupport.parkNanos(1_000_000);
                    continue;
                }
                long now = System.nanoTime();
                byte[] bytes = buffer.array();
                int filled = buffer.position();
                int lastNewline = -1;
                long newLines = 0;
                for (int i = 0; i < filled; i++) {
                    if (bytes[i] == '\n') {
                        newLines++;
                        lastNewline = i;
                    }
                }
                if (listener != null && lastNewline >= 0) {
                    long seenEpochNanos = epochNanos();
                    String complete = new String(bytes, 0, lastNewline + 1, StandardCharsets.UTF_8);
                    long line = lines;
                    int start = 0;
                    for (int i = complete.indexOf('\n'); i >= 0; i = complete.indexOf('\n', start)) {
                        line++;
                        if (line > 1) {
                            int stop = i > start && complete.charAt(i - 1) == '\r' ? i - 1 : i;
                            listener.row(complete.substring(start, stop), seenEpochNanos);
                        }
                        start = i + 1;
                    }
                }
                // Keep an incomplete last line for the next read.
                buffer.flip();
                buffer.position(lastNewline + 1);
                buffer.compact();
                if (newLines > 0) {
                    long before = lines;
                    lines = before + newLines;
                    lastGrowthNanos = now;
                    if (halfway > 0 && halfwayNanos == 0 && rows() >= halfway) {
                        halfwayRows = rows();
                        halfwayNanos = now;
                    }
                    if (before <= 1 && lines > 1) {
                        firstRowNanos = now;
                        if (onFirstRow != null) {
                            onFirstRow.run();
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (channel != null) {
                try {
                    channel.close();
                } catch (IOException ignored) {
                    // nothing to do
                }
            }
        }
    }

    static long epochNanos() {
        java.time.Instant now = java.time.Instant.now();
        return now.getEpochSecond() * 1_000_000_000L + now.getNano();
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        thread.join(5_000);
    }
}
