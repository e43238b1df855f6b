package io.packetclassifier.tracing;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;

import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/** Says once at start-up whether the OTLP collector answers, instead of an export error every few seconds. */
@Singleton
class OtlpEndpointCheck {

    private static final Logger LOG = Logger.getLogger(OtlpEndpointCheck.class);

    void onStart(@Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.otel.exporter.otlp.traces.endpoint", defaultValue = "http://localhost:4317") String endpoint,
            @ConfigProperty(name = "quarkus.otel.sdk.disabled", defaultValue = "false") boolean disabled) {
        if (disabled) {
            return;
        }
        URI uri = URI.create(endpoint);
        int port = uri.getPort() > 0 ? uri.getPort() : 4317;
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(uri.getHost(), port), 300);
            LOG.infof("Exporting spans over OTLP to %s", endpoint);
        } catch (Exception e) {
            LOG.infof("No OTLP collector answers at %s: spans are dropped until one does (e.g. Jaeger all-in-one, "
                    + "UI on http://localhost:16686)", endpoint);
        }
    }
}
