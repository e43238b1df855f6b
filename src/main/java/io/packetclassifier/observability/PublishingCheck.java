package io.packetclassifier.observability;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import io.packetclassifier.output.deadletter.DeadLetterQueue;
import io.packetclassifier.output.publish.ClassifiedEventsTopic;

/**
 * Readiness {@code publishing}: DOWN while the last batch could not be published to {@code classified-events} or
 * its rejected records could not be sent to the dead-letter topic (the batch is retried meanwhile, uncommitted).
 */
@Readiness
@ApplicationScoped
public class PublishingCheck implements HealthCheck {

    public static final String NAME = "publishing";

    private final ClassifiedEventsTopic classifiedEvents;
    private final DeadLetterQueue deadLetters;

    PublishingCheck(ClassifiedEventsTopic classifiedEvents, DeadLetterQueue deadLetters) {
        this.classifiedEvents = classifiedEvents;
        this.deadLetters = deadLetters;
    }

    @Override
    public HealthCheckResponse call() {
        String problem = classifiedEvents.problem() != null ? classifiedEvents.problem() : deadLetters.problem();
        return problem == null ? HealthCheckResponse.up(NAME)
                : HealthCheckResponse.named(NAME).down().withData("reason", problem).build();
    }
}
