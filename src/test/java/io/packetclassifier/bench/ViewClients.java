package io.packetclassifier.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ATT&CK page left open during a service row: {@code -Dbench.view-clients=N} among a row's options (a
 * variant's, e.g. {@code bench/compare-options.sh -Dbench.view-clients=1}) attaches N clients to the service's
 * {@code /view/stream} as soon as it listens, reading every snapshot, until the row ends.
 */
final class ViewClients implements AutoCloseable {

    static final String OPTION = "-Dbench.view-clients=";
    private static final Pattern LISTENING = Pattern.compile("Listening on: http://[^:/]+:(\\d+)");

    private final List<Thread> threads = new ArrayList<>();
    private final List<InputStream> streams = new CopyOnWriteArrayList<>();
    private final AtomicLong snapshots = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final int clients;
    private volatile boolean closed;
    private volatile String failure;

    private ViewClients(int clients) {
        this.clients = clients;
    }

    /** The clients a row's options ask for (0 when none). */
    static int requested(List<String> opts) {
        return opts.stream().filter(o -> o.startsWith(OPTION)).map(o -> Integer.parseInt(o.substring(OPTION.length())))
                .reduce((a, b) -> b).orElse(0);
    }

    /** Starts {@code n} clients that connect once the service's log names its port. */
    static ViewClients start(int n, Path serviceLog) {
        ViewClients view = new ViewClients(n);
        for (int i = 0; i < n; i++) {
            Thread thread = new Thread(() -> view.read(serviceLog), "view-client-" + i);
            thread.setDaemon(true);
            view.threads.add(thread);
            thread.start();
        }
        return view;
    }

    private void read(Path serviceLog) {
        try {
            int port = awaitPort(serviceLog);
            HttpResponse<InputStream> response = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/view/stream")).build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            if (response.statusCode() != 200) {
                failure = "/view/stream answered " + response.statusCode();
                return;
            }
            streams.add(response.body());
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; !closed && (line = lines.readLine()) != null;) {
                    bytes.addAndGet(line.length() + 1);
                    if (line.startsWith("data:")) {
                        snapshots.incrementAndGet();
                    }
                }
            }
        } catch (IOException e) {
            if (!closed && snapshots.get() == 0) { // once snapshots came, the stream ends with the service
                failure = e.toString();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private int awaitPort(Path serviceLog) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (!closed && System.nanoTime() < deadline) {
            if (Files.exists(serviceLog)) {
                Matcher port = LISTENING.matcher(Files.readString(serviceLog));
                if (port.find()) {
                    return Integer.parseInt(port.group(1));
                }
            }
            Thread.sleep(50);
        }
        throw new IOException("the service did not say which port it listens on");
    }

    /** For the row's notes, e.g. "page open: 1 stream client, 95 snapshots (1.2 MiB) received". */
    String note() {
        return String.format(Locale.ROOT, "page open: %d stream client(s), %,d snapshots (%.1f MiB) received%s", clients,
                snapshots.get(), bytes.get() / 1048576.0, failure == null ? "" : ", **" + failure + "**");
    }

    @Override
    public void close() throws InterruptedException {
        closed = true;
        for (InputStream stream : streams) {
            try {
                stream.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        for (Thread thread : threads) {
            thread.interrupt();
            thread.join(5_000);
        }
    }
}
