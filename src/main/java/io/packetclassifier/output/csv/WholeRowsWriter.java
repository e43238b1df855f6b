package io.packetclassifier.output.csv;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * Holds what is written until {@link #flush()}, then hands it to the file in one write. The CSV output flushes once
 * per batch, after its last row, so the file grows by whole rows: a process killed while appending a batch
 * leaves none of it rather than a torn row (only the kernel cutting that one write short can still tear one,
 * which {@link CsvRecovery} mends at the next start). A buffered writer instead wrote every 8 KiB, mid-row.
 */
final class WholeRowsWriter extends Writer {

    private final OutputStream out;
    private final StringBuilder pending = new StringBuilder(1 << 16);

    WholeRowsWriter(OutputStream out) {
        this.out = out;
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        pending.append(chars, offset, length);
    }

    @Override
    public void write(String text, int offset, int length) {
        pending.append(text, offset, offset + length);
    }

    @Override
    public void write(int c) {
        pending.append((char) c);
    }

    @Override
    public Writer append(CharSequence text) {
        pending.append(text);
        return this;
    }

    /**
     * Writes what is pending. It is dropped even if the write fails: the CSV output then reopens the file, which cuts
     * any torn end, and writes the batch again, so a retried close must not write it a second time.
     */
    @Override
    public void flush() throws IOException {
        if (pending.length() > 0) {
            byte[] bytes = pending.toString().getBytes(StandardCharsets.UTF_8);
            pending.setLength(0);
            out.write(bytes);
        }
        out.flush();
    }

    @Override
    public void close() throws IOException {
        try {
            flush();
        } finally {
            out.close();
        }
    }
}
