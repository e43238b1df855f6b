package io.packetclassifier.pipeline;

import io.opentelemetry.api.trace.Span;
import io.packetclassifier.event.SecurityEvent;
import io.packetclassifier.sigma.Classification;

/** An event with its labels, and its {@code consume_event} span, which stays open until the row is written. */
public record ClassifiedEvent(SecurityEvent event, Classification classification, Span span) {

    public String tactic() {
        return classification.tactic();
    }

    public String technique() {
        return classification.technique();
    }
}
