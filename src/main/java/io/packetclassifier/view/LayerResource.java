package io.packetclassifier.view;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/** ATT&CK Navigator layers (format 4.5): open them in the Navigator with "Open Existing Layer". */
@Path("/attack")
@Produces(MediaType.APPLICATION_JSON)
public class LayerResource {

    private final NavigatorLayers layers;
    private final DetectionHistory history;

    LayerResource(NavigatorLayers layers, DetectionHistory history) {
        this.layers = layers;
        this.history = history;
    }

    /** Detections in the last {@code window} (an ISO-8601 duration such as PT1H), or since start without one. */
    @GET
    @Path("/layer.json")
    public NavigatorLayer detections(@QueryParam("window") String window) {
        return layers.detections(WindowParam.parse(window, history.history()));
    }

    /** The loaded rules by technique: the gaps before any event arrives. */
    @GET
    @Path("/coverage-layer.json")
    public NavigatorLayer coverage() {
        return layers.coverage();
    }
}
