package io.packetclassifier.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A minimal OTLP/HTTP (protobuf) trace receiver: answers 200 to every POST and counts the spans in each
 * {@code ExportTraceServiceRequest} by walking the protobuf wire format (resource_spans = 1 → scope_spans
 * = 2 → spans = 2). Nothing is decoded beyond that.
 */
final class OtlpReceiver implements AutoCloseable {

    private final HttpServer server;
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "otlp-receiver");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong spans = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong bytes = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private volatile long lastRequestNanos;

    OtlpReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    String endpoint() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    long spans() {
        return spans.get();
    }

    long requests() {
        return requests.get();
    }

    long bytes() {
        return bytes.get();
    }

    long errors() {
        return errors.get();
    }

    long lastRequestNanos() {
        return lastRequestNanos;
    }

    void reset() {
        spans.set(0);
        requests.set(0);
        bytes.set(0);
        errors.set(0);
    }

    /** Waits until no request has arrived for {@code quietMs}, at most {@code maxMs}. */
    void awaitQuiet(long quietMs, long maxMs) throws InterruptedException {
        long begin = System.nanoTime();
        while ((System.nanoTime() - begin) / 1_000_000 < maxMs) {
            long last = lastRequestNanos;
            if (last == 0 || (System.nanoTime() - last) / 1_000_000 >= quietMs) {
                if ((System.nanoTime() - begin) / 1_000_000 >= quietMs) {
                    return;
                }
            }
            Thread.sleep(50);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            bytes.addAndGet(body.length);
            if ("gzip".equalsIgnoreCase(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
                try (InputStream in = new GZIPInputStream(new java.io.ByteArrayInputStream(body))) {
                    body = in.readAllBytes();
                }
            }
            try {
                spans.addAndGet(countSpans(body));
            } catch (RuntimeException e) {
                errors.incrementAndGet();
            }
            requests.incrementAndGet();
            lastRequestNanos = System.nanoTime();
            exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
            exchange.sendResponseHeaders(200, -1);
        }
    }

    /** Spans in an ExportTraceServiceRequest. */
    static long countSpans(byte[] request) {
        long count = 0;
        Reader resourceSpans = new Reader(request, 0, request.length);
        while (resourceSpans.next()) {
            if (resourceSpans.field == 1 && resourceSpans.wireType == 2) {
                Reader scopeSpans = resourceSpans.sub();
                while (scopeSpans.next()) {
                    if (scopeSpans.field == 2 && scopeSpans.wireType == 2) {
                        Reader span = scopeSpans.sub();
                        while (span.next()) {
                            if (span.field == 2 && span.wireType == 2) {
                                count++;
                            }
                        }
                    }
                }
            }
        }
        return count;
    }

    /** Walks the fields of one protobuf message in {@code buf[pos, end)}. */
    private static final class Reader {
        private final byte[] buf;
        private int pos;
        private final int end;
        int field;
        int wireType;
        private int valueStart;
        private int valueEnd;

        Reader(byte[] buf, int pos, int end) {
            this.buf = buf;
            this.pos = pos;
            this.end = end;
        }

        boolean next() {
            if (pos >= end) {
                return false;
            }
            long tag = varint();
            field = (int) (tag >>> 3);
            wireType = (int) (tag & 7);
            switch (wireType) {
                case 0 -> varint();
                case 1 -> pos += 8;
                case 2 -> {
                    int len = (int) varint();
                    valueStart = pos;
                    valueEnd = pos + len;
                    pos = valueEnd;
                }
                case 5 -> pos += 4;
                default -> throw new IllegalArgumentException("unsupported wire type " + wireType);
            }
            if (pos > end) {
                throw new IllegalArgumentException("truncated message");
            }
            return true;
        }

        Reader sub() {
            return new Reader(buf, valueStart, valueEnd);
        }

        private long varint() {
            long value = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                byte b = buf[pos++];
                value |= (long) (b & 0x7f) << shift;
                if (b >= 0) {
                    return value;
                }
            }
            throw new IllegalArgumentException("bad varint");
        }
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
