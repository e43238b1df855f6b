package io.packetclassifier.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * What the native build would be asked to do: link at build time (so a missing type fails the build, which
 * {@link MissingTypesIT} checks beforehand) and never turn that into a run-time surprise.
 */
class NativeImageArgsIT {

    @Test
    void theImageLinksAtBuildTimeAndDefersNothingToRunTime() {
        assertThat(NativeMetadata.imageArgs()).contains("--link-at-build-time", "--no-fallback")
                .noneMatch(arg -> arg.contains("AllowIncompleteClasspath")
                        || arg.contains("report-unsupported-elements-at-runtime")
                        || arg.startsWith("--link-at-build-time="));
    }
}
