package io.packetclassifier.sigma;

import java.util.List;

/** The primary label of an event and every rule that matched it, in rule order. */
public record Classification(String tactic, String technique, List<RuleMatch> matches) {

    public static final String NO_TACTIC = "TA0000";
    public static final String NO_TECHNIQUE = "T0000";
}
