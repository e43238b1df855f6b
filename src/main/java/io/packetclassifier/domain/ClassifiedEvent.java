package io.packetclassifier.domain;

import io.opentelemetry.api.trace.Span;
import io.packetclassifier.event.SecurityEvent;
import io.packetclassifier.sigma.Classification;

/**
 * An event with its labels, its {@code consume_event} span (open until the row is written), its CSV row and
 * its classified-events document (null when publishing is off).
 */
public record ClassifiedEvent(SecurityEvent event, Classification classification, Span span, String csvRow,
        byte[] json) {

    public String tactic() {
        return classification.tactic();
    }

    public String technique() {
        return classification.technique();
    }
}
