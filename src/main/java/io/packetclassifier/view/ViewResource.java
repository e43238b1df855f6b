package io.packetclassifier.view;

import java.time.Duration;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

import org.jboss.resteasy.reactive.RestStreamElementType;

import io.packetclassifier.attack.AttackCatalog;
import io.packetclassifier.attack.Technique;
import io.packetclassifier.rules.ActiveRules;
import io.smallrye.mutiny.Multi;

/** The page's data: the matrix, a snapshot, the same as server-sent events, and one technique's details. */
@Path("/view")
@Produces(MediaType.APPLICATION_JSON)
public class ViewResource {

    private final ViewSnapshots snapshots;
    private final DetectionHistory history;
    private final RuleCoverage coverage;
    private final AttackCatalog catalog;
    private final Duration interval;
    private AttackMatrix matrix;

    ViewResource(ViewSnapshots snapshots, DetectionHistory history, RuleCoverage coverage, ActiveRules rules,
            ViewConfig config) {
        this.snapshots = snapshots;
        this.history = history;
        this.coverage = coverage;
        this.catalog = rules.catalog();
        this.interval = config.streamInterval();
    }

    @GET
    @Path("/matrix")
    public synchronized AttackMatrix matrix() {
        RuleCoverage.Coverage current = coverage.current();
        if (matrix == null || matrix.rulesVersion() != current.version()) {
            matrix = AttackMatrix.of(catalog, current);
        }
        return matrix;
    }

    @GET
    @Path("/snapshot")
    public ViewSnapshots.Snapshot snapshot() {
        return snapshots.current();
    }

    /** A snapshot at once, then one per {@code classifier.view.update-interval}; a slow client misses some. */
    @GET
    @Path("/stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @RestStreamElementType(MediaType.APPLICATION_JSON)
    public Multi<ViewSnapshots.Snapshot> stream() {
        return Multi.createFrom().ticks().startingAfter(Duration.ofMillis(1)).onExecutor(snapshots.streams())
                .every(interval).onOverflow().drop().map(tick -> snapshots.current());
    }

    @GET
    @Path("/techniques/{id}")
    public TechniqueDetail technique(@PathParam("id") String id, @QueryParam("window") String window) {
        Technique technique = catalog.technique(id).orElse(null);
        if (technique == null) {
            throw Problem.notFound("technique " + id + " is not in the ATT&CK catalog");
        }
        return TechniqueDetail.of(technique, catalog, history, coverage.current(),
                WindowParam.parse(window, history.history()));
    }
}
