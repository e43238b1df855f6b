package io.packetclassifier.nativeimage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.objectweb.asm.ClassReader;
import org.objectweb.asm.ClassVisitor;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Opcodes;
import org.objectweb.asm.commons.ClassRemapper;
import org.objectweb.asm.commons.Remapper;

/** Class files read as native-image reads them: the types they name, the methods they call, their string constants. */
final class ClassFiles {

    /** A method call in a class file: {@code owner} and {@code name} as in the constant pool. */
    record Call(String caller, String owner, String name) {
    }

    private ClassFiles() {
    }

    /** Every .class entry of the jars (and class folders), by internal name; the first jar holding a class wins. */
    static Map<String, byte[]> read(Iterable<Path> roots) {
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    for (Path file : files.filter(p -> p.toString().endsWith(".class")).toList()) {
                        String name = root.relativize(file).toString().replace('\\', '/');
                        classes.putIfAbsent(name.substring(0, name.length() - ".class".length()), Files.readAllBytes(file));
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                continue;
            }
            try (ZipFile zip = new ZipFile(root.toFile())) {
                for (ZipEntry entry : java.util.Collections.list(zip.entries())) {
                    String name = entry.getName();
                    if (name.endsWith(".class") && !name.startsWith("META-INF/")) {
                        classes.putIfAbsent(name.substring(0, name.length() - ".class".length()),
                                zip.getInputStream(entry).readAllBytes());
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(root.toString(), e);
            }
        }
        return classes;
    }

    /** Every type the class file names: super types, signatures, fields, calls, constants, annotations. */
    static Set<String> referencedTypes(byte[] classFile) {
        Set<String> types = new LinkedHashSet<>();
        Remapper recorder = new Remapper(Opcodes.ASM9) {
            @Override
            public String map(String internalName) {
                types.add(internalName);
                return internalName;
            }
        };
        new ClassReader(classFile).accept(new ClassRemapper(new ClassVisitor(Opcodes.ASM9) {
        }, recorder), 0);
        types.remove(new ClassReader(classFile).getClassName());
        return types;
    }

    /** Every method the class file calls (invoke instructions), with the calling class. */
    static Set<Call> calls(byte[] classFile) {
        String caller = new ClassReader(classFile).getClassName();
        Set<Call> calls = new LinkedHashSet<>();
        scanCode(classFile, new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitMethodInsn(int opcode, String owner, String method, String desc, boolean itf) {
                calls.add(new Call(caller, owner, method));
            }
        });
        return calls;
    }

    /** The string constants the class file loads (ldc), e.g. resource names. */
    static Set<String> strings(byte[] classFile) {
        Set<String> strings = new LinkedHashSet<>();
        scanCode(classFile, new MethodVisitor(Opcodes.ASM9) {
            @Override
            public void visitLdcInsn(Object value) {
                if (value instanceof String s) {
                    strings.add(s);
                }
            }
        });
        return strings;
    }

    /** Every method body of the class file through {@code code}. */
    private static void scanCode(byte[] classFile, MethodVisitor code) {
        new ClassReader(classFile).accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                    String[] exceptions) {
                return code;
            }
        }, ClassReader.SKIP_DEBUG);
    }
}
