package io.packetclassifier.sigma;

/** Why a rule cannot be loaded: reported as an {@link UnsupportedRule}, never fatal to the other rules. */
final class UnsupportedRuleException extends Exception {

    UnsupportedRuleException(String message) {
        super(message, null, false, false);
    }
}
