package io.packetclassifier.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The packaged service as a child process, for crash tests: the jar, or the native binary when the build made
 * one ({@code -Dnative}), see {@link PackagedService}.
 */
public final class ServiceProcess implements AutoCloseable {

    private final Process process;

    private ServiceProcess(Process process) {
        this.process = process;
    }

    public static ServiceProcess start(Map<String, String> properties, Path log) throws IOException {
        List<String> options = new ArrayList<>(List.of("-Xmx512m"));
        properties.forEach((key, value) -> options.add("-D" + key + "=" + value));
        List<String> command = PackagedService.built().command(options);
        Files.createDirectories(log.toAbsolutePath().getParent());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        return new ServiceProcess(builder.start());
    }

    public long pid() {
        return process.pid();
    }

    public boolean alive() {
        return process.isAlive();
    }

    /** SIGKILL: no shutdown hook, no flush, no commit. */
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** SIGTERM; returns the exit code, or -1 if it did not exit in time (it is then killed). */
    public int stop(long timeoutSeconds) throws InterruptedException {
        process.destroy();
        if (process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            return process.exitValue();
        }
        kill();
        return -1;
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) {
            kill();
        }
    }

}
