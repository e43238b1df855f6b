package io.packetclassifier.sigma;

import java.util.List;

// TEMPORARY stand-in.
public record Classification(String tactic, String technique, List<Object> matches) {
}
