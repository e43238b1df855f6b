package io.packetclassifier.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

/**
 * Every class path resource the code reads is in the native image: native-image carries only the resources it is
 * told of (resource-config.json, from {@code quarkus.native.resources.includes} and the extensions); a missing one
 * reads as {@code null} at run time. The static web assets under {@code META-INF/resources}, which Quarkus serves
 * and registers itself, are held to the same.
 */
class NativeResourcesIT {

    @Test
    void everyResourceTheCodeReadsIsIncludedInTheNativeImage() {
        Map<String, Set<String>> read = ResourcesReadByCode.find();
        assertThat(read).as("resources named by the code (the seed rules at least)").containsKey("rules/seed-rules.yml");
        List<Pattern> includes = NativeMetadata.resourceIncludes();
        List<String> missing = new ArrayList<>();
        read.forEach((resource, readers) -> {
            if (includes.stream().noneMatch(p -> p.matcher(resource).matches())) {
                missing.add(resource + " (read by " + readers + ")");
            }
        });
        assertThat(missing).as("not matched by resource-config.json %s", includes).isEmpty();
    }

    @Test
    void everyStaticWebAssetIsIncludedInTheNativeImage() {
        List<Pattern> includes = NativeMetadata.resourceIncludes();
        assertThat(ResourcesReadByCode.resources().stream().filter(r -> r.startsWith("META-INF/resources/")))
                .allMatch(asset -> includes.stream().anyMatch(p -> p.matcher(asset).matches()));
    }
}
