package io.packetclassifier.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

/**
 * The application calls no API that works in a native image only with registrations nobody made: service
 * loading (Quarkus builds images with {@code -H:-UseServiceLoaderFeature}, so only the services it registers
 * itself load; {@code RandomGenerator.getDefault()} is one such look-up) and reflection by name. A class that
 * needs reflection says so with {@code @RegisterForReflection} instead.
 */
class NativeSafeCallsTest {

    /** owner → methods that need service loading or unregistered reflection in a native image. */
    static final Map<String, Set<String>> NEEDS_REGISTRATION = Map.of(
            "java/util/ServiceLoader", Set.of("load", "loadInstalled"),
            "java/util/random/RandomGenerator", Set.of("getDefault", "of"),
            "java/util/random/RandomGeneratorFactory", Set.of("of", "all", "getDefault"),
            "java/lang/Class", Set.of("forName", "getMethod", "getDeclaredMethod", "getField", "getDeclaredField",
                    "getConstructor", "getDeclaredConstructor", "newInstance"),
            "java/lang/ClassLoader", Set.of("loadClass"),
            "java/lang/reflect/Proxy", Set.of("newProxyInstance"));

    /**
     * Calls that are reached in dev mode only, each with the reason: the dev broker's starter is looked up by name
     * because it is not in the production artifacts at all.
     */
    static final Map<String, String> DEV_MODE_ONLY = Map.of(
            "io/packetclassifier/devkafka/DevKafkaConfigSourceFactory",
            "loads DevKafkaBroker by name in dev mode only (LaunchMode.DEVELOPMENT); the class is not packaged");

    @Test
    void noProductionClassCallsAnApiThatNeedsUnmadeRegistrations() {
        List<String> calls = new ArrayList<>();
        Set<String> devOnly = DevOnlyClasses.names();
        ClassFiles.read(List.of(ResourcesReadByCode.CLASSES)).forEach((name, classFile) -> {
            if (devOnly.contains(name)) {
                return; // not in the production artifacts
            }
            for (ClassFiles.Call call : ClassFiles.calls(classFile)) {
                if (NEEDS_REGISTRATION.getOrDefault(call.owner(), Set.of()).contains(call.name())
                        && !DEV_MODE_ONLY.containsKey(call.caller())) {
                    calls.add(call.caller().replace('/', '.') + " calls " + call.owner().replace('/', '.') + "." + call.name());
                }
            }
        });
        assertThat(calls).isEmpty();
    }
}
