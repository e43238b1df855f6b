package io.packetclassifier.nativeimage;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * lz4-java's pure-Java codecs, registered for reflection in the native image. Kafka compresses and decompresses
 * LZ4 batches ({@code classified-events} is LZ4 by default) through {@code LZ4Factory} and {@code XXHashFactory},
 * which load their codecs by class names built from strings and read each one's {@code INSTANCE} field (and the
 * HC compressors' {@code (int)} constructor): native-image cannot follow such names, and Quarkus's Kafka extension
 * registers none of them. The JNI codecs are left out: they need liblz4-java, which the native image does not
 * carry, and the factories fall back to these when the JNI ones do not load.
 */
@RegisterForReflection(classNames = {
        "net.jpountz.lz4.LZ4JavaSafeCompressor",
        "net.jpountz.lz4.LZ4HCJavaSafeCompressor",
        "net.jpountz.lz4.LZ4JavaSafeFastDecompressor",
        "net.jpountz.lz4.LZ4JavaSafeSafeDecompressor",
        "net.jpountz.lz4.LZ4JavaUnsafeCompressor",
        "net.jpountz.lz4.LZ4HCJavaUnsafeCompressor",
        "net.jpountz.lz4.LZ4JavaUnsafeFastDecompressor",
        "net.jpountz.lz4.LZ4JavaUnsafeSafeDecompressor",
        "net.jpountz.xxhash.XXHash32JavaSafe",
        "net.jpountz.xxhash.XXHash32JavaUnsafe",
        "net.jpountz.xxhash.XXHash64JavaSafe",
        "net.jpountz.xxhash.XXHash64JavaUnsafe",
        "net.jpountz.xxhash.StreamingXXHash32JavaSafe$Factory",
        "net.jpountz.xxhash.StreamingXXHash32JavaUnsafe$Factory",
        "net.jpountz.xxhash.StreamingXXHash64JavaSafe$Factory",
        "net.jpountz.xxhash.StreamingXXHash64JavaUnsafe$Factory" })
final class Lz4Codecs {

    private Lz4Codecs() {
    }
}
