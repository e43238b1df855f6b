package io.packetclassifier.output.csv;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

import io.packetclassifier.event.Uuid;

/**
 * Makes an existing CSV file safe to append to after a crash: removes a torn last row (the process died
 * mid-write) and returns the event_ids of the rows at its end, so that records replayed from Kafka (written,
 * but not yet committed when the process died) are not written twice.
 */
final class CsvRecovery {

    /** A longer unterminated end is not a torn row of ours: refuse rather than cut it. */
    static final int MAX_TORN_BYTES = 1 << 20;

    record Result(UuidSet tailEventIds, long removedBytes) {
    }

    private CsvRecovery() {
    }

    /**
     * Adds the event_ids at the end of another instance's file (read only, maybe still being written) to
     * {@code ids}: after a rebalance, events it wrote but did not commit are delivered here again.
     */
    static void readPeerTail(Path path, int tailBytes, UuidSet ids) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            long start = Math.max(0, channel.size() - tailBytes);
            byte[] tail = read(channel, start);
            int from = start > 0 ? resync(tail) : 0;
            if (from >= 0) {
                scan(tail, from, ids);
            }
        }
    }

    private static byte[] read(FileChannel channel, long start) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate((int) (channel.size() - start));
        while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) >= 0) {
            // read fully
        }
        return buffer.array();
    }

    static Result recover(Path path, int tailBytes, UuidSet ids) throws IOException {
        if (!Files.exists(path)) {
            return new Result(ids, 0);
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long start = Math.max(0, size - tailBytes);
            byte[] tail = read(channel, start);
            int from = start > 0 ? resync(tail) : 0;
            if (from < 0) {
                throw new IOException(path + ": no row of this service in its last " + tail.length + " bytes; "
                        + "it was not written by this service or is damaged: move it away or repair it");
            }
            int completeEnd = scan(tail, from, ids);
            long torn = tail.length - completeEnd;
            if (torn > MAX_TORN_BYTES) {
                throw new IOException(path + " ends with " + torn + " bytes that are not a complete CSV row; "
                        + "it was not written by this service or is damaged: move it away or repair it");
            }
            if (torn > 0) {
                channel.truncate(start + completeEnd);
                channel.force(true);
            }
            return new Result(ids, torn);
        }
    }

    /** Scans RFC 4180 records from {@code from}; collects first fields; returns the end of the last complete one. */
    static int scan(byte[] bytes, int from, UuidSet firstFields) {
        int completeEnd = from;
        int recordStart = from;
        int firstComma = -1;
        boolean quoted = false;
        for (int i = from; i < bytes.length; i++) {
            byte b = bytes[i];
            if (b == '"') {
                quoted = !quoted;
            } else if (!quoted && b == ',' && firstComma < 0) {
                firstComma = i;
            } else if (!quoted && b == '\r' && i + 1 < bytes.length && bytes[i + 1] == '\n') {
                int fieldEnd = firstComma < 0 ? i : firstComma;
                if (fieldEnd - recordStart == 36) {
                    firstFields.add(new String(bytes, recordStart, 36, StandardCharsets.ISO_8859_1));
                }
                i++;
                recordStart = i + 1;
                completeEnd = i + 1;
                firstComma = -1;
            }
        }
        return completeEnd;
    }

    /** The first position after a CRLF where a row starts (a UUID then a comma: rows always start so), or -1. */
    static int resync(byte[] bytes) {
        for (int i = 2; i + 37 <= bytes.length; i++) {
            if (bytes[i - 2] == '\r' && bytes[i - 1] == '\n' && bytes[i + 36] == ',' && isUuid(bytes, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isUuid(byte[] b, int at) {
        return Uuid.parse(new String(b, at, 36, StandardCharsets.ISO_8859_1), new long[2]);
    }
}
