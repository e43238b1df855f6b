package io.packetclassifier.observability;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.packetclassifier.sink.CsvConfig;
import io.packetclassifier.sink.CsvSink;

/**
 * Readiness {@code csv}: DOWN while the last write failed, or while the output file could not be appended
 * to (it is not a regular file, it or its folder is read-only, or a parent on its path is not a folder),
 * which is checked before the first write too.
 */
@Readiness
@ApplicationScoped
public class CsvWritableCheck implements HealthCheck {

    public static final String NAME = "csv";

    private final CsvConfig config;
    private final CsvSink sink;

    CsvWritableCheck(CsvConfig config, CsvSink sink) {
        this.config = config;
        this.sink = sink;
    }

    @Override
    public HealthCheckResponse call() {
        Path path = config.path().toAbsolutePath();
        String problem = problem(path);
        if (problem == null && !sink.writable()) {
            problem = "the last write failed; retrying";
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).withData("path", path.toString());
        return problem == null ? response.up().build() : response.down().withData("reason", problem).build();
    }

    /** Why {@code path} cannot be appended to, or null when it can (as far as the file system says). */
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
