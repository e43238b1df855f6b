package io.packetclassifier.sigma;

/**
 * A compiled rule in its rule set: its place in rule order, and the ATT&CK label it gives.
 *
 * @param seed one of the seed notebook's rules, which label an event only when no other rule does
 * @param primaryTactic the tactic of the label, null when the rule names no technique
 * @param primaryTechnique the technique of the label: the rule's first technique tag, or null
 */
record LoadedRule(int index, CompiledRule compiled, boolean seed, RuleMatch match, String primaryTactic,
        String primaryTechnique) {
}
