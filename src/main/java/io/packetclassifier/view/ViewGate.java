package io.packetclassifier.view;

import jakarta.enterprise.event.Observes;

import io.quarkus.vertx.http.runtime.filters.Filters;

/**
 * With {@code classifier.view.enabled=false}, the page, its assets and data and the layers answer 404 (the
 * static files are packaged regardless, so they are refused here, before any route).
 */
public class ViewGate {

    static boolean gated(String path) {
        return path.equals("/") || path.equals("/index.html") || path.equals("/view") || path.startsWith("/view/")
                || path.startsWith("/attack/");
    }

    void register(@Observes Filters filters, ViewConfig config) {
        if (config.enabled()) {
            return;
        }
        filters.register(context -> {
            if (gated(context.normalizedPath())) {
                context.response().setStatusCode(404).end();
            } else {
                context.next();
            }
        }, 1_000);
    }
}
