package io.packetclassifier.view;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.packetclassifier.attack.AttackCatalog;

/** The layer check itself: a valid 4.5 layer passes, and each way of breaking the format is reported. */
class NavigatorLayerFormatTest {

    static final AttackCatalog CATALOG = AttackCatalog.bundled();
    static final ObjectMapper JSON = new ObjectMapper();

    static ObjectNode valid() throws Exception {
        return (ObjectNode) JSON.readTree("""
                {"name": "a layer", "versions": {"attack": "18", "navigator": "5.2.0", "layer": "4.5"},
                 "domain": "enterprise-attack", "description": "d", "sorting": 3, "hideDisabled": false,
                 "layout": {"layout": "side", "showID": true, "aggregateFunction": "max", "expandedSubtechniques": "annotated"},
                 "techniques": [
                   {"techniqueID": "T1059", "score": 2, "comment": "c", "enabled": true,
                    "metadata": [{"name": "rule", "value": "r"}, {"divider": true}]},
                   {"techniqueID": "T1059.001", "tactic": "execution", "score": 1}],
                 "gradient": {"colors": ["#ffffff", "#ff0000"], "minValue": 0, "maxValue": 2},
                 "legendItems": [{"label": "l", "color": "#00ff00"}],
                 "metadata": [{"name": "window", "value": "PT5M"}]}""");
    }

    @Test
    void aValidLayerPasses() throws Exception {
        assertThat(NavigatorLayerFormat.problems(valid(), CATALOG)).isEmpty();
    }

    @Test
    void eachBreakIsReported() throws Exception {
        assertBroken(l -> l.remove("name"), "name is a required string");
        assertBroken(l -> l.put("domain", "mitre-enterprise"), "domain must be one of");
        assertBroken(l -> ((ObjectNode) l.get("versions")).put("layer", "4.4"), "versions.layer must be");
        assertBroken(l -> ((ObjectNode) l.get("versions")).put("navigator", "4.8.2"), "at least 4.9.0");
        assertBroken(l -> ((ObjectNode) l.get("versions")).put("attack", 18), "attack must be a string");
        assertBroken(l -> l.put("sorting", 7), "sorting must be");
        assertBroken(l -> l.put("hideDisabled", "no"), "hideDisabled must be a boolean");
        assertBroken(l -> technique(l, 1).put("techniqueID", "T1059/001"), "T#### or T####.###");
        assertBroken(l -> technique(l, 1).put("techniqueID", "T1059.1"), "T#### or T####.###");
        assertBroken(l -> technique(l, 1).put("techniqueID", "T9999.001"), "not in the ATT&CK catalog");
        assertBroken(l -> technique(l, 0).put("score", "2"), "score must be a number");
        assertBroken(l -> technique(l, 0).put("enabled", 1), "enabled must be a boolean");
        assertBroken(l -> technique(l, 1).put("tactic", "TA0002"), "tactic must be a tactic's shortname");
        assertBroken(l -> ((ObjectNode) technique(l, 0).get("metadata").get(0)).remove("value"), "value is a required");
        assertBroken(l -> ((ObjectNode) l.get("gradient")).put("maxValue", 0), "maxValue must be greater");
        assertBroken(l -> ((ObjectNode) l.get("gradient")).putArray("colors").add("#ffffff"), "at least two colours");
        assertBroken(l -> ((ObjectNode) l.get("layout")).put("aggregateFunction", "median"), "aggregateFunction");
        assertBroken(l -> l.putArray("legendItems").addObject().put("label", "x"), "color is a required string");
        assertBroken(l -> l.put("techniques", "T1059"), "techniques must be an array");
    }

    private static ObjectNode technique(ObjectNode layer, int index) {
        return (ObjectNode) layer.get("techniques").get(index);
    }

    private static void assertBroken(Consumer<ObjectNode> breakIt, String expected) throws Exception {
        ObjectNode layer = valid();
        breakIt.accept(layer);
        assertThat(NavigatorLayerFormat.problems(layer, CATALOG)).as("after breaking it for '%s'", expected)
                .anyMatch(problem -> problem.contains(expected));
    }
}
