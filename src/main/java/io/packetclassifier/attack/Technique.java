package io.packetclassifier.attack;

import java.util.List;

/** An ATT&CK technique or sub-technique with the tactics it serves; status is active, revoked or deprecated. */
public record Technique(String id, String name, List<String> tacticIds, boolean subtechnique, String status) {

    /** {@code T1059} for {@code T1059.001}; the id itself for a technique. */
    public String parentId() {
        int dot = id.indexOf('.');
        return dot < 0 ? id : id.substring(0, dot);
    }
}
