package io.packetclassifier.devui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import io.quarkus.arc.profile.IfBuildProfile;
import io.vertx.ext.web.Router;

/**
 * Dev mode only: serves the classifier page on {@code /q/classifier}. The page talks to
 * {@link ClassifierDevUiService} over the Dev UI's JSON-RPC websocket (see {@link DevUiJsonRpcRegistration}).
 */
@Singleton
@IfBuildProfile("dev")
class ClassifierPage {

    static final String PATH = "/q/classifier";
    private static final String RESOURCE = "devui/classifier.html";

    void route(@Observes Router router) {
        String html = read();
        router.get(PATH).handler(rc -> rc.response().putHeader("Content-Type", "text/html; charset=utf-8").end(html));
    }

    private static String read() {
        try (InputStream in = ClassifierPage.class.getClassLoader().getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(RESOURCE + " is missing from the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
