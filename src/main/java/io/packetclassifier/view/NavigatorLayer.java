package io.packetclassifier.view;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * An ATT&CK Navigator layer, format 4.5 (mitre-attack/attack-navigator, layers/spec/v4.5/layerformat.md): the
 * fields this service fills. Absent optional fields are left out.
 */
@RegisterForReflection
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NavigatorLayer(String name, Versions versions, String domain, String description, int sorting,
        Layout layout, boolean hideDisabled, List<LayerTechnique> techniques, Gradient gradient,
        List<LegendItem> legendItems, List<Metadata> metadata) {

    public static final String FORMAT = "4.5";
    /** The oldest Navigator that reads format 4.5 is 4.9.0; this is the release that shows ATT&CK 18. */
    public static final String NAVIGATOR = "5.2.0";
    public static final String DOMAIN = "enterprise-attack";

    /** {@code attack}: the catalog's ATT&CK release (left out when unknown: the Navigator then takes its own). */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Versions(String attack, String navigator, String layer) {
    }

    @RegisterForReflection
    public record Layout(String layout, boolean showID, boolean showName, boolean showAggregateScores,
            boolean countUnscored, String aggregateFunction, String expandedSubtechniques) {
    }

    /** A technique ({@code T1234}) or sub-technique ({@code T1234.001}) and its annotations. */
    @RegisterForReflection
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LayerTechnique(String techniqueID, long score, String comment, boolean enabled,
            List<Metadata> metadata) {
    }

    @RegisterForReflection
    public record Gradient(List<String> colors, long minValue, long maxValue) {
    }

    @RegisterForReflection
    public record LegendItem(String label, String color) {
    }

    @RegisterForReflection
    public record Metadata(String name, String value) {
    }
}
