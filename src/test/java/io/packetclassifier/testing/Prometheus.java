package io.packetclassifier.testing;

import static io.restassured.RestAssured.given;

import java.util.LinkedHashMap;
import java.util.Map;

/** Reads {@code /q/metrics} (Prometheus text format) of the application under test. */
public final class Prometheus {

    private final Map<String, Double> series;

    private Prometheus(Map<String, Double> series) {
        this.series = series;
    }

    public static Prometheus scrape() {
        return parse(given().accept("text/plain").when().get("/q/metrics").then().statusCode(200).extract().asString());
    }

    /** The series of a {@code /q/metrics} text. */
    public static Prometheus parse(String text) {
        Map<String, Double> series = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return new Prometheus(series);
    }

    /** The value of the series {@code name} whose labels include all {@code labels} ("k=v"), or 0 when absent. */
    public double value(String name, String... labels) {
        return series.entrySet().stream().filter(e -> matches(e.getKey(), name, labels)).mapToDouble(Map.Entry::getValue)
                .findFirst().orElse(0);
    }

    public boolean has(String name, String... labels) {
        return series.keySet().stream().anyMatch(key -> matches(key, name, labels));
    }

    public Map<String, Double> all() {
        return series;
    }

    private static boolean matches(String key, String name, String... labels) {
        int brace = key.indexOf('{');
        String metric = brace < 0 ? key : key.substring(0, brace);
        if (!metric.equals(name)) {
            return false;
        }
        for (String label : labels) {
            int eq = label.indexOf('=');
            if (!key.contains(label.substring(0, eq) + "=\"" + label.substring(eq + 1) + "\"")) {
                return false;
            }
        }
        return true;
    }
}
