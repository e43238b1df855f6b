package io.packetclassifier.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * In dev mode an edit to a resource that decides what the service does (the seed rules, the ATT&CK catalog)
 * restarts the application at the next request, as a Java edit does: Quarkus restarts only for the resources
 * listed in {@code quarkus.live-reload.watched-resources} (and its own, such as application.properties).
 * scripts/check-dev-mode.sh shows the effect end to end. Static web assets ({@code META-INF/resources}) need no
 * restart: dev mode serves an edited one as it is.
 */
class WatchedResourcesTest {

    @Test
    void everyResourceTheCodeReadsIsWatchedByLiveReload() {
        List<String> watched = Arrays.stream(DevOnlyClasses.applicationProperties()
                .getProperty("quarkus.live-reload.watched-resources", "").split(",")).map(String::strip).toList();
        assertThat(ResourcesReadByCode.find().keySet()).isNotEmpty()
                .filteredOn(resource -> !resource.startsWith("META-INF/resources/")).allMatch(watched::contains,
                "listed in quarkus.live-reload.watched-resources " + watched);
    }
}
