package io.packetclassifier.sink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import io.packetclassifier.event.SecurityEvent;
import io.packetclassifier.sigma.Classification;
import io.packetclassifier.sigma.RuleMatch;

/**
 * An event's CSV row (commons-csv, the file's columns) and its classified-events document, made where the
 * event is classified: the sink, the pipeline's slowest stage, then only appends and sends them.
 */
@Singleton
public class ClassifiedEventEncoder {

    private static final int MAX_CACHED_RULES = 20_000;

    private final boolean escapeFormulas;
    private final boolean extraColumns;
    private final boolean publish;
    private final StringBuilder row = new StringBuilder(256);
    private final JsonBytes json = new JsonBytes();
    private final Map<RuleMatch, byte[]> matchJson = new IdentityHashMap<>();

    @Inject
    ClassifiedEventEncoder(CsvConfig csv, PublishConfig publish) {
        this(csv.escapeFormulas(), csv.extraColumns(), publish.enabled());
    }

    ClassifiedEventEncoder(boolean escapeFormulas, boolean extraColumns, boolean publish) {
        this.escapeFormulas = escapeFormulas;
        this.extraColumns = extraColumns;
        this.publish = publish;
    }

    /** The row, CRLF-terminated, as {@link ClassifiedCsvFile} writes it. */
    public synchronized String csvRow(SecurityEvent event, Classification classification) {
        row.setLength(0);
        try {
            ClassifiedCsvFile.printRow(row, escapeFormulas, values(event, classification));
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a StringBuilder does not fail
        }
        return row.toString();
    }

    /** The classified-events document, or null when publishing is off. */
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

    private String[] values(SecurityEvent e, Classification c) {
        if (!extraColumns) {
            return new String[] { e.eventId(), e.timestamp(), e.user(), e.host(), e.sourceIp(), e.eventType(),
                    c.tactic(), c.technique() };
        }
        String ruleId = "";
        String techniqueName = "";
        LinkedHashSet<String> all = new LinkedHashSet<>();
        for (RuleMatch match : c.matches()) {
            for (RuleMatch.TechniqueRef technique : match.techniques()) {
                all.add(technique.id());
                if (technique.id().equals(c.technique()) && ruleId.isEmpty()) {
                    ruleId = match.id();
                    techniqueName = technique.name() == null ? "" : technique.name();
                }
            }
        }
        return new String[] { e.eventId(), e.timestamp(), e.user(), e.host(), e.sourceIp(), e.eventType(),
                c.tactic(), c.technique(), ruleId, techniqueName, String.join(";", all) };
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
