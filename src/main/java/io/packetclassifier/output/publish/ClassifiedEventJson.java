package io.packetclassifier.output.publish;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.IdentityHashMap;
import java.util.Map;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.SerializableString;
import com.fasterxml.jackson.core.io.SerializedString;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;

import io.packetclassifier.event.SecurityEvent;
import io.packetclassifier.sigma.Classification;
import io.packetclassifier.sigma.RuleMatch;

/**
 * An event's {@code classified-events} document: its columns, its label and every rule that matched, written by
 * Jackson. Made where the event is classified, so that the writer, the pipeline's slowest stage, only sends it.
 * One generator is reused for every document, with field names encoded once.
 */
@Singleton
public class ClassifiedEventJson {

    private static final int MAX_CACHED_RULES = 20_000;
    // Characters outside the BMP as four UTF-8 bytes rather than two \\u escapes; a lone surrogate is escaped.
    private static final JsonFactory JSON = new JsonFactoryBuilder().rootValueSeparator((SerializableString) null)
            .enable(JsonWriteFeature.COMBINE_UNICODE_SURROGATES_IN_UTF8).build();

    private static final SerializedString EVENT_ID = new SerializedString("event_id");
    private static final SerializedString TIMESTAMP = new SerializedString("timestamp");
    private static final SerializedString EVENT_TYPE = new SerializedString("event_type");
    private static final SerializedString HOST = new SerializedString("host");
    private static final SerializedString USER = new SerializedString("user");
    private static final SerializedString MITRE_TACTIC = new SerializedString("mitre_tactic");
    private static final SerializedString MITRE_TECHNIQUE = new SerializedString("mitre_technique");
    private static final SerializedString MATCHES = new SerializedString("matches");

    private final boolean publish;
    private final ByteArrayBuilder document = new ByteArrayBuilder(512);
    private JsonGenerator generator;
    private final Map<RuleMatch, SerializableString> matchJson = new IdentityHashMap<>();

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
        try {
            if (generator == null) {
                generator = JSON.createGenerator(document);
            }
            document.reset();
            generator.writeStartObject();
            field(EVENT_ID, event.eventId());
            field(TIMESTAMP, event.timestamp());
            field(EVENT_TYPE, event.eventType());
            field(HOST, event.host());
            field(USER, event.user());
            field(MITRE_TACTIC, classification.tactic());
            field(MITRE_TECHNIQUE, classification.technique());
            generator.writeFieldName(MATCHES);
            generator.writeStartArray();
            for (RuleMatch match : classification.matches()) {
                generator.writeRawValue(matchJson(match));
            }
            generator.writeEndArray();
            generator.writeEndObject();
            generator.flush();
            return document.toByteArray();
        } catch (IOException e) {
            generator = null; // its state is unknown: the next document gets a new one
            throw new UncheckedIOException(e);
        }
    }

    private void field(SerializedString name, String value) throws IOException {
        generator.writeFieldName(name);
        generator.writeString(value);
    }

    /** A rule's part of the document never changes: written once per rule (by identity; reloads make new ones). */
    private SerializableString matchJson(RuleMatch match) throws IOException {
        SerializableString cached = matchJson.get(match);
        if (cached != null) {
            return cached;
        }
        ByteArrayBuilder part = new ByteArrayBuilder(256);
        try (JsonGenerator json = JSON.createGenerator(part)) {
            json.writeStartObject();
            json.writeStringField("rule_id", match.id());
            json.writeStringField("title", match.title());
            json.writeStringField("level", match.level());
            json.writeArrayFieldStart("tactics");
            for (String tactic : match.tactics()) {
                json.writeString(tactic);
            }
            json.writeEndArray();
            json.writeArrayFieldStart("techniques");
            for (RuleMatch.TechniqueRef technique : match.techniques()) {
                json.writeStartObject();
                json.writeStringField("id", technique.id());
                json.writeStringField("name", technique.name());
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
        cached = new SerializedString(new String(part.toByteArray(), StandardCharsets.UTF_8));
        if (matchJson.size() >= MAX_CACHED_RULES) {
            matchJson.clear(); // rules were reloaded many times: forget the old ones' parts
        }
        matchJson.put(match, cached);
        return cached;
    }
}
