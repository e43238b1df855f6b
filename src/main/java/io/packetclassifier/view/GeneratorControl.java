package io.packetclassifier.view;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import io.packetclassifier.generator.EventGenerator;
import io.quarkus.arc.profile.IfBuildProfile;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * The page's sample-generator switch: built into dev mode only, so a packaged service has no write operation
 * here at all (404).
 */
@IfBuildProfile("dev")
@Path("/view/generator")
public class GeneratorControl {

    /** {@code rate}: events per second, when {@code running}. */
    @RegisterForReflection
    public record Setting(boolean running, double rate) {
    }

    private final EventGenerator generator;

    GeneratorControl(EventGenerator generator) {
        this.generator = generator;
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Setting set(Setting setting) {
        if (!setting.running()) {
            generator.stop();
        } else if (setting.rate() > 0 && setting.rate() <= 10_000) {
            generator.start(setting.rate());
        } else {
            throw Problem.badRequest("rate must be above 0 and at most 10000 events/s, was " + setting.rate());
        }
        return new Setting(generator.running(), generator.rate());
    }
}
