package io.packetclassifier.nativeimage;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import net.jpountz.lz4.LZ4Factory;
import net.jpountz.xxhash.XXHashFactory;

/**
 * lz4-java's factories load their codecs by class names built from strings and read each codec's public static
 * {@code INSTANCE} (the HC compressors also through their {@code (int)} constructor). native-image cannot follow
 * such names: every pure-Java codec must be in the reflection configuration handed to native-image, or the first
 * LZ4 batch in or out of a native binary fails. The JNI codecs need liblz4-java, which the image does not carry,
 * so they stay out and the factories fall back to Java.
 */
class Lz4CodecRegistrationIT {

    @Test
    void everyJavaCodecTheFactoriesCanLoadByNameIsRegisteredForReflection() throws Exception {
        Map<String, JsonNode> registered = NativeMetadata.reflection();
        List<String> problems = new ArrayList<>();
        for (Class<?> codec : codecsLoadedByName()) {
            JsonNode entry = registered.get(codec.getName());
            if (codec.getName().contains("JNI")) {
                if (entry != null) {
                    problems.add(codec.getName() + " is registered, but liblz4-java is not in the image");
                }
            } else if (entry == null) {
                problems.add(codec.getName() + " is not registered for reflection");
            } else {
                if (!entry.path("allPublicFields").asBoolean() && !entry.path("allDeclaredFields").asBoolean()) {
                    problems.add(codec.getName() + ": its INSTANCE field is not registered");
                }
                if (hasIntConstructor(codec) && !entry.path("allDeclaredConstructors").asBoolean()) {
                    problems.add(codec.getName() + ": its (int) constructor is not registered");
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    /** The rule above (a public static INSTANCE) finds every codec the factories' Java instances really load. */
    @Test
    void theCodecsTheJavaFactoriesLoadAreAmongThoseFound() throws Exception {
        Set<String> found = new TreeSet<>();
        codecsLoadedByName().forEach(c -> found.add(c.getName()));
        Set<String> loaded = new TreeSet<>();
        for (LZ4Factory lz4 : List.of(LZ4Factory.safeInstance(), LZ4Factory.fastestJavaInstance())) {
            for (Object codec : List.of(lz4.fastCompressor(), lz4.highCompressor(), lz4.highCompressor(9),
                    lz4.fastDecompressor(), lz4.safeDecompressor())) {
                loaded.add(codec.getClass().getName());
            }
        }
        for (XXHashFactory xxhash : List.of(XXHashFactory.safeInstance(), XXHashFactory.fastestJavaInstance())) {
            loaded.add(xxhash.hash32().getClass().getName());
            loaded.add(xxhash.hash64().getClass().getName());
            // streaming hashes are made by a nested Factory, which is what the factory loads by name
            loaded.add(xxhash.newStreamingHash32(0).getClass().getName() + "$Factory");
            loaded.add(xxhash.newStreamingHash64(0).getClass().getName() + "$Factory");
        }
        assertThat(found).containsAll(loaded);
    }

    /** lz4-java's classes with a public static INSTANCE field: what LZ4Factory and XXHashFactory load by name. */
    static List<Class<?>> codecsLoadedByName() throws IOException, ClassNotFoundException {
        Path jar = ProductionArtifacts.nativeSources().libraries().stream()
                .filter(p -> p.getFileName().toString().contains("lz4-java")).findFirst()
                .orElseThrow(() -> new AssertionError("no lz4-java in the native image's lib/"));
        List<Class<?>> codecs = new ArrayList<>();
        try (URLClassLoader loader = new URLClassLoader(ServiceRegistrationsIT.urls(List.of(jar)),
                ClassLoader.getPlatformClassLoader())) {
            for (String name : ClassFiles.read(List.of(jar)).keySet()) {
                Class<?> type = Class.forName(name.replace('/', '.'), false, loader);
                for (Field field : type.getDeclaredFields()) {
                    if (field.getName().equals("INSTANCE") && Modifier.isPublic(field.getModifiers())
                            && Modifier.isStatic(field.getModifiers())) {
                        codecs.add(type);
                    }
                }
            }
        }
        assertThat(codecs).as("lz4-java codecs in " + jar).isNotEmpty();
        return codecs;
    }

    private static boolean hasIntConstructor(Class<?> type) {
        for (Constructor<?> constructor : type.getDeclaredConstructors()) {
            if (List.of(constructor.getParameterTypes()).equals(List.of(int.class))) {
                return true;
            }
        }
        return false;
    }
}
