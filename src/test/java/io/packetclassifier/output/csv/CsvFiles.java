package io.packetclassifier.output.csv;

import java.io.IOException;
import java.nio.file.Path;

import org.apache.commons.csv.CSVFormat;

import io.packetclassifier.event.Uuid;

/** CSV test helpers: rows made by commons-csv directly, independently of the code under test. */
final class CsvFiles {

    private CsvFiles() {
    }

    /** A file with the seed's columns, as the service opens it. */
    static ClassifiedCsvFile open(Path path) throws IOException {
        return ClassifiedCsvFile.open(path, CsvRowFormat.COLUMNS);
    }

    /** One RFC 4180 row, CRLF-terminated. */
    static String row(String... values) {
        return CSVFormat.RFC4180.format((Object[]) values) + "\r\n";
    }

    static boolean contains(UuidSet ids, String id) {
        long[] bits = new long[2];
        return Uuid.parse(id, bits) && ids.contains(bits[0], bits[1]);
    }
}
