package io.packetclassifier.sink;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Set;

/**
 * Makes an existing CSV file safe to append to after a crash: removes a torn last row (the process died
 * mid-write) and returns the event_ids of the rows at its end, so that records replayed from Kafka whose
 * rows were written but not yet recorded as written are not written twice.
 */
final class CsvRecovery {

    /** How much of the file's end is read: many times one batch of rows. */
    static final int TAIL_BYTES = 4 << 20;
    /** A longer unterminated end is not a torn row of ours: refuse rather than cut it. */
    static final int MAX_TORN_BYTES = 1 << 20;

    record Result(Set<String> tailEventIds, long removedBytes) {
    }

    private CsvRecovery() {
    }

    static Result recover(Path path) throws IOException {
        if (!Files.exists(path)) {
            return new Result(Set.of(), 0);
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            long size = channel.size();
            long start = Math.max(0, size - TAIL_BYTES);
            ByteBuffer buffer = ByteBuffer.allocate((int) (size - start));
            while (buffer.hasRemaining() && channel.read(buffer, start + buffer.position()) >= 0) {
                // read fully
            }
            byte[] tail = buffer.array();
            Set<String> ids = new HashSet<>();
            int completeEnd = scan(tail, start > 0 ? resync(tail) : 0, ids);
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
    static int scan(byte[] bytes, int from, Set<String> firstFields) {
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
                String first = new String(bytes, recordStart, fieldEnd - recordStart, StandardCharsets.UTF_8);
                if (!first.equals("event_id")) {
                    firstFields.add(first);
                }
                i++;
                recordStart = i + 1;
                completeEnd = i + 1;
                firstComma = -1;
            }
        }
        return completeEnd;
    }

    /** The first position after a CRLF where a row starts (a UUID then a comma): rows always start so. */
    static int resync(byte[] bytes) {
        for (int i = 2; i + 37 <= bytes.length; i++) {
            if (bytes[i - 2] == '\r' && bytes[i - 1] == '\n' && bytes[i + 36] == ',' && isUuid(bytes, i)) {
                return i;
            }
        }
        return bytes.length;
    }

    private static boolean isUuid(byte[] b, int at) {
        for (int k = 0; k < 36; k++) {
            byte c = b[at + k];
            boolean dash = k == 8 || k == 13 || k == 18 || k == 23;
            if (dash ? c != '-' : Character.digit(c, 16) < 0) {
                return false;
            }
        }
        return true;
    }
}
