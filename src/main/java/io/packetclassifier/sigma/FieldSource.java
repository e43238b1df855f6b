package io.packetclassifier.sigma;

public interface FieldSource {
    String get(String field);
}
