import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;

/**
 * Calls one method on the Dev UI's JSON-RPC websocket and prints the response line, e.g.
 * {@code java scripts/DevUiJsonRpc.java http://localhost:8080 packet-classifier-devui_getSummary '{}'}.
 * Plain JDK 17 (java.net.http), run as a single-file program; exits 1 when there is no answer or an error.
 */
public class DevUiJsonRpc {

    public static void main(String[] args) throws Exception {
        String base = args[0].replaceFirst("^http", "ws");
        String method = args[1];
        String params = args.length > 2 ? args[2] : "{}";
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(base + "/q/dev-ui/json-rpc-ws"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            String message = text.toString();
                            text.setLength(0);
                            if (message.contains("\"id\":4242") || message.contains("\"id\" : 4242")) {
                                answer.complete(message);
                            }
                        }
                        ws.request(1);
                        return null;
                    }

                    @Override
                    public void onError(WebSocket ws, Throwable error) {
                        answer.completeExceptionally(error);
                    }
                }).get(10, TimeUnit.SECONDS);
        socket.sendText("{\"jsonrpc\":\"2.0\",\"id\":4242,\"method\":\"" + method + "\",\"params\":" + params + "}", true);
        String response = answer.get(20, TimeUnit.SECONDS);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").get(5, TimeUnit.SECONDS);
        System.out.println(response);
        if (response.contains("\"error\"")) {
            System.exit(1);
        }
    }
}
