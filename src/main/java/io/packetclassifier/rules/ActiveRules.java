package io.packetclassifier.rules;

import jakarta.enterprise.context.ApplicationScoped;

import io.packetclassifier.sigma.Classification;
import io.packetclassifier.sigma.FieldSource;
import io.packetclassifier.sigma.SigmaRuleSet;

/** The rule set in force. */
@ApplicationScoped
public class ActiveRules {

    private volatile SigmaRuleSet rules = SigmaRuleSet.seedOnly(null);

    public Classification classify(FieldSource event) {
        return rules.classify(event);
    }

    public int size() {
        return rules.size();
    }

    /** Rules found but not loaded because they use features the engine does not support (none yet). */
    public int unsupported() {
        return 0;
    }
}
