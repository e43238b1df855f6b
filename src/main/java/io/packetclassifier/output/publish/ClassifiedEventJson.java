package io.packetclassifier.output.publish;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.packetclassifier.event.SecurityEvent;
import io.packetclassifier.sigma.Classification;
import io.packetclassifier.sigma.RuleMatch;

/**
 * An event's {@code classified-events} document: its columns, its label and every rule that matched. Made where
 * the event is classified, so that the writer, the pipeline's slowest stage, only sends it.
 */
@Singleton
public class ClassifiedEventJson {

    private static final int MAX_CACHED_RULES = 20_000;

    private final boolean publish;
    private final JsonBytes json = new JsonBytes();
    private final Map<RuleMatch, byte[]> matchJson = new IdentityHashMap<>();

    @Inject
    ClassifiedEventJson(PublishConfig config) {
        this(config.enabled());
    }

    ClassifiedEventJson(boolean publish) {
        this.publish = publish;
    }

    /** The document, UTF-8; null when publishing is off. */
    public synchronized byte[] json(SecurityEvent event, Classification classification) {
        if (!publish) {
            return null;
        }
        json.reset().raw("{\"event_id\":").string(event.eventId())
                .raw(",\"timestamp\":").string(event.timestamp())
                .raw(",\"event_type\":").string(event.eventType())
                .raw(",\"host\":").string(event.host())
                .raw(",\"user\":").string(event.user())
                .raw(",\"mitre_tactic\":").string(classification.tactic())
                .raw(",\"mitre_technique\":").string(classification.technique())
                .raw(",\"matches\":[");
        List<RuleMatch> matches = classification.matches();
        for (int i = 0; i < matches.size(); i++) {
            if (i > 0) {
                json.raw(",");
            }
            json.raw(matchJson(matches.get(i)));
        }
        return json.raw("]}").toByteArray();
    }

    /** A rule's part of the document never changes: written once per rule (by identity; reloads make new ones). */
    private byte[] matchJson(RuleMatch match) {
        byte[] cached = matchJson.get(match);
        if (cached != null) {
            return cached;
        }
        JsonBytes part = new JsonBytes();
        part.raw("{\"rule_id\":").string(match.id())
                .raw(",\"title\":").string(match.title())
                .raw(",\"level\":").string(match.level())
                .raw(",\"tactics\":[");
        for (int i = 0; i < match.tactics().size(); i++) {
            part.raw(i > 0 ? "," : "").string(match.tactics().get(i));
        }
        part.raw("],\"techniques\":[");
        for (int i = 0; i < match.techniques().size(); i++) {
            RuleMatch.TechniqueRef technique = match.techniques().get(i);
            part.raw(i > 0 ? ",{\"id\":" : "{\"id\":").string(technique.id())
                    .raw(",\"name\":").string(technique.name()).raw("}");
        }
        cached = part.raw("]}").toByteArray();
        if (matchJson.size() >= MAX_CACHED_RULES) {
            matchJson.clear(); // rules were reloaded many times: forget the old ones' parts
        }
        matchJson.put(match, cached);
        return cached;
    }
}
