package io.packetclassifier.devui.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import io.quarkus.test.QuarkusDevModeTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The card in a real dev-mode application (the extension plus {@link MovingClassifierData}): the Dev UI lists
 * it with its pages and serves their web components, and its JSON-RPC methods answer on the Dev UI websocket
 * ({@code /q/dev-ui/json-rpc-ws}) with counts that move, a generator that switches, and a streamed badge.
 */
class ClassifierCardDevModeTest {

    static final String NS = "packet-classifier-devui_";
    static final int PORT = freePort();
    static final String BASE = "http://localhost:" + PORT;
    static final Duration TIMEOUT = Duration.ofSeconds(30);

    @RegisterExtension
    static final QuarkusDevModeTest DEV = new QuarkusDevModeTest()
            .withApplicationRoot(jar -> jar.addClass(MovingClassifierData.class)
                    .addAsResource(new StringAsset("quarkus.http.port=" + PORT + "\n"), "application.properties"));

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theDevUiListsTheCardWithItsPages() throws Exception {
        String data = get("/q/dev-ui/devui-data.js");
        JsonObject card = activeExtensions(data).stream().map(JsonObject.class::cast)
                .filter(e -> "packet-classifier-devui".equals(e.getString("namespace"))).findFirst().orElseThrow();
        assertThat(card.getString("name")).isEqualTo("Packet classifier");
        List<String> pages = card.getJsonArray("cardPages").stream().map(JsonObject.class::cast)
                .map(p -> p.getString("title")).toList();
        assertThat(pages).containsExactly("Classifier", "Recent events");
        assertThat(card.getJsonArray("cardPages").getJsonObject(0).getString("streamingLabel")).isEqualTo("streamBadge");
        assertThat(card.getJsonArray("footerPages").getJsonObject(0).getString("title")).isEqualTo("Classified events");

        assertThat(get("/q/dev-ui/packet-classifier-devui/qwc-classifier-dashboard.js"))
                .contains("customElements.define('qwc-classifier-dashboard'");
        assertThat(get("/q/dev-ui/packet-classifier-devui/qwc-classifier-recent-events.js"))
                .contains("customElements.define('qwc-classifier-recent-events'");
        assertThat(get("/q/dev-ui/devui-jsonrpc-data.js")).contains(NS + "getSummary", NS + "getRecentEvents",
                NS + "setGenerator", NS + "streamBadge");
    }

    @Test
    void theCountsMoveOverTheDevUiWebsocket() throws Exception {
        try (DevUiSocket socket = new DevUiSocket()) {
            JsonObject off = socket.call("setGenerator", new JsonObject().put("on", false).put("rate", 0));
            assertThat(off.getBoolean("running")).isFalse();
            long before = socket.call("getSummary", new JsonObject()).getLong("written");

            JsonObject on = socket.call("setGenerator", new JsonObject().put("on", true).put("rate", 200));
            assertThat(on.getBoolean("running")).isTrue();
            assertThat(on.getDouble("rate")).isEqualTo(200.0);

            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            JsonObject summary;
            do {
                Thread.sleep(200);
                summary = socket.call("getSummary", new JsonObject());
            } while (summary.getLong("written") <= before && System.nanoTime() < deadline);
            assertThat(summary.getLong("written")).isGreaterThan(before);
            assertThat(summary.getJsonObject("perTactic").getLong("TA0002")).isEqualTo(summary.getLong("written"));
            assertThat(summary.getJsonObject("generator").getBoolean("running")).isTrue();
            assertThat(summary.getInteger("rulesLoaded")).isEqualTo(3);
            assertThat(summary.getLong("deadLettered")).isEqualTo(1);

            long later;
            do {
                Thread.sleep(200);
                later = socket.call("getSummary", new JsonObject()).getLong("written");
            } while (later <= summary.getLong("written") && System.nanoTime() < deadline);
            assertThat(later).isGreaterThan(summary.getLong("written"));

            JsonArray recent = socket.callForArray("getRecentEvents");
            assertThat(recent.getJsonObject(0).getString("technique")).isEqualTo("T1059");

            // The card's badge: streamed, one value every two seconds, the second higher than the first.
            List<String> badges = socket.subscribe("streamBadge", 2);
            assertThat(badges).allMatch(b -> b.matches("[\\d,]+ written · 1 dead-lettered"));
            assertThat(number(badges.get(1))).isGreaterThan(number(badges.get(0)));
        }
    }

    static long number(String badge) {
        return Long.parseLong(badge.substring(0, badge.indexOf(' ')).replace(",", ""));
    }

    String get(String path) throws IOException, InterruptedException {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(BASE + path)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isEqualTo(200);
        return response.body();
    }

    /** {@code export const extensions = {"active": [...], ...};} in the Dev UI's build-time data. */
    static JsonArray activeExtensions(String devUiData) {
        String marker = "export const extensions = ";
        int start = devUiData.indexOf(marker) + marker.length();
        int end = devUiData.indexOf(";\n", start);
        assertThat(start).isGreaterThanOrEqualTo(marker.length());
        return new JsonObject(devUiData.substring(start, end).trim()).getJsonArray("active");
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The Dev UI's JSON-RPC websocket: one request at a time, answers matched by id. */
    final class DevUiSocket implements AutoCloseable {

        private final BlockingQueue<JsonObject> messages = new LinkedBlockingQueue<>();
        private final AtomicInteger ids = new AtomicInteger(1000);
        private final WebSocket socket;

        DevUiSocket() throws Exception {
            socket = http.newWebSocketBuilder().connectTimeout(TIMEOUT)
                    .buildAsync(URI.create(BASE.replace("http", "ws") + "/q/dev-ui/json-rpc-ws"),
                            new WebSocket.Listener() {
                                private final StringBuilder text = new StringBuilder();

                                @Override
                                public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                                    text.append(data);
                                    if (last) {
                                        messages.add(new JsonObject(text.toString()));
                                        text.setLength(0);
                                    }
                                    ws.request(1);
                                    return null;
                                }
                            })
                    .get(TIMEOUT.toSeconds(), TimeUnit.SECONDS);
        }

        JsonObject call(String method, JsonObject params) throws Exception {
            return (JsonObject) request(method, params).getValue("object");
        }

        JsonArray callForArray(String method) throws Exception {
            return (JsonArray) request(method, new JsonObject()).getValue("object");
        }

        List<String> subscribe(String method, int count) throws Exception {
            int id = send(method, new JsonObject());
            List<String> values = new ArrayList<>();
            while (values.size() < count) {
                JsonObject result = next(id);
                if ("SubscriptionMessage".equals(result.getString("messageType"))) {
                    values.add(result.getString("object"));
                }
            }
            socket.sendText(new JsonObject().put("jsonrpc", "2.0").put("id", ids.incrementAndGet())
                    .put("method", "unsubscribe").put("params", new JsonObject().put("id", id)).encode(), true);
            return values;
        }

        private JsonObject request(String method, JsonObject params) throws Exception {
            return next(send(method, params));
        }

        private int send(String method, JsonObject params) {
            int id = ids.incrementAndGet();
            socket.sendText(new JsonObject().put("jsonrpc", "2.0").put("id", id).put("method", NS + method)
                    .put("params", params).encode(), true).join();
            return id;
        }

        /** The next message answering {@code id}: its {@code result} (messageType, object), or a failure. */
        private JsonObject next(int id) throws InterruptedException {
            long deadline = System.nanoTime() + TIMEOUT.toNanos();
            while (System.nanoTime() < deadline) {
                JsonObject message = messages.poll(1, TimeUnit.SECONDS);
                if (message == null || message.getInteger("id", -1) != id) {
                    continue;
                }
                assertThat(message.getJsonObject("error")).as("%s", message).isNull();
                return message.getJsonObject("result");
            }
            throw new AssertionError("no answer to request " + id + " within " + TIMEOUT);
        }

        @Override
        public void close() {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null)
                    .join();
        }
    }
}
