package io.packetclassifier.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import io.packetclassifier.output.csv.CsvConfig;
import io.packetclassifier.output.csv.CsvOutput;

/**
 * Readiness {@code csv}: DOWN while the output file cannot be appended to (it is not a regular file, it or its
 * folder is read-only, a parent on its path is not a folder: checked before the first write too), or while the
 * last write to it failed.
 */
@Readiness
@ApplicationScoped
public class CsvWritableCheck implements HealthCheck {

    public static final String NAME = "csv";

    private final CsvConfig config;
    private final CsvOutput csv;

    CsvWritableCheck(CsvConfig config, CsvOutput csv) {
        this.config = config;
        this.csv = csv;
    }

    @Override
    public HealthCheckResponse call() {
        String problem = csv.problem();
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("path", config.path().toAbsolutePath().toString());
        return problem == null ? response.up().build() : response.down().withData("reason", problem).build();
    }
}
