package io.packetclassifier.output.publish;

import org.jboss.logging.Logger;

import net.jpountz.lz4.LZ4Factory;

/**
 * Makes Kafka's LZ4 batches use lz4-java's JNI codec. {@code LZ4Factory.fastestInstance()}, which Kafka calls,
 * loads the JNI library itself only when lz4-java was loaded by the system class loader; Quarkus loads
 * libraries with its own, so without this every batch would go through the slower pure-Java codec. Once the
 * library is loaded, {@code fastestInstance()} returns the JNI codec.
 */
final class Lz4Codec {

    private static final Logger LOG = Logger.getLogger(Lz4Codec.class);

    private Lz4Codec() {
    }

    /** Loads the JNI codec; where it cannot load (a native image, an unsupported platform) Java's stays. */
    static void preferJni() {
        try {
            LZ4Factory.nativeInstance();
        } catch (Throwable e) { // UnsatisfiedLinkError and friends: the pure-Java codec still works
            LOG.debugf("lz4-java's JNI codec is not available (%s): LZ4 batches use the Java codec", e);
        }
    }
}
