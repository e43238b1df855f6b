package io.packetclassifier.output.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;

/** The output file: a header, then rows appended across restarts and held until each {@link #flush()}. */
final class ClassifiedCsvFile implements AutoCloseable {

    private final Path path;
    private final WholeRowsWriter out;
    private final Object fileKey;

    private ClassifiedCsvFile(Path path, WholeRowsWriter out, Object fileKey) {
        this.path = path;
        this.out = out;
        this.fileKey = fileKey;
    }

    /**
     * Opens {@code path} for appending, writing the header only when the file is new or empty; refuses a
     * file whose header has other columns (rows of two layouts must not mix).
     */
    static ClassifiedCsvFile open(Path path, List<String> columns) throws IOException {
        Path parent = path.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        String header = String.join(",", columns);
        boolean empty = !Files.exists(path) || Files.size(path) == 0;
        String existing = empty ? header : firstLine(path);
        if (!existing.equals(header)) {
            throw new IOException(path + " has the columns '" + existing + "' but this service writes '"
                    + header + "' (classifier.csv.extra-columns): use another file");
        }
        WholeRowsWriter out = new WholeRowsWriter(Files.newOutputStream(path, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND, StandardOpenOption.WRITE));
        if (empty) {
            out.append(header).append("\r\n"); // the column names need no quoting
        }
        return new ClassifiedCsvFile(path, out, fileKey(path));
    }

    private static String firstLine(Path path) throws IOException {
        try (InputStream in = Files.newInputStream(path)) {
            String start = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
            int end = start.indexOf("\r\n");
            return end < 0 ? start : start.substring(0, end);
        }
    }

    /** Appends a row made by {@link CsvRowFormat}; held until {@link #flush()}. */
    void append(String row) {
        out.append(row);
    }

    /** Writes the rows appended since the last flush, in one write (see {@link WholeRowsWriter}). */
    void flush() throws IOException {
        out.flush();
    }

    /**
     * Whether the path still names the file being written: false once it was deleted, moved away or replaced
     * (rows written then would land in a file nobody sees).
     */
    boolean stillAtPath() {
        try {
            return fileKey != null && fileKey.equals(fileKey(path));
        } catch (IOException e) {
            return false;
        }
    }

    private static Object fileKey(Path path) throws IOException {
        return Files.readAttributes(path, BasicFileAttributes.class).fileKey();
    }

    @Override
    public void close() throws IOException {
        out.close();
    }

    /**
     * Why {@code path} cannot be appended to (it is not a regular file, it or its folder is read-only, a parent
     * on its path is not a folder), or null when it can, as far as the file system says.
     */
    static String problem(Path path) {
        if (Files.exists(path)) {
            if (!Files.isRegularFile(path)) {
                return path + " is not a regular file";
            }
            return Files.isWritable(path) ? null : path + " is not writable";
        }
        Path folder = path.getParent();
        while (folder != null && !Files.exists(folder)) {
            folder = folder.getParent();
        }
        if (folder == null) {
            return "no existing folder on the path of " + path;
        }
        if (!Files.isDirectory(folder)) {
            return folder + " is not a folder";
        }
        return Files.isWritable(folder) ? null : "folder " + folder + " is not writable";
    }
}
