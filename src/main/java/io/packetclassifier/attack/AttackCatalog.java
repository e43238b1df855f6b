package io.packetclassifier.attack;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The Enterprise ATT&CK tactics and techniques. The product ships v18 as CSV ({@link #bundled()}); an
 * official STIX 2.x bundle ({@code enterprise-attack.json}) can replace it ({@link #fromStix}).
 */
public final class AttackCatalog {

    /** The ATT&CK release of the bundled CSV files. */
    public static final String BUNDLED_VERSION = "18";

    private final String version;
    private final Map<String, Tactic> tactics;
    private final Map<String, Tactic> tacticsByShortname;
    private final Map<String, Technique> techniques;

    /** {@code version}: the ATT&CK release, e.g. {@code 18}, or null when unknown. */
    public AttackCatalog(String version, List<Tactic> tactics, List<Technique> techniques) {
        this.version = version;
        this.tactics = new LinkedHashMap<>();
        this.tacticsByShortname = new LinkedHashMap<>();
        this.techniques = new LinkedHashMap<>();
        for (Tactic tactic : tactics) {
            this.tactics.put(tactic.id(), tactic);
            this.tacticsByShortname.put(tactic.shortname(), tactic);
        }
        for (Technique technique : techniques) {
            this.techniques.put(technique.id(), technique);
        }
    }

    /** ATT&CK v18 from the product's resources ({@code /attack/*.csv}, with MITRE's notice beside them). */
    public static AttackCatalog bundled() {
        try (InputStream tactics = resource("/attack/tactics.csv"); InputStream techniques = resource("/attack/techniques.csv")) {
            return fromCsv(BUNDLED_VERSION, new InputStreamReader(tactics, StandardCharsets.UTF_8),
                    new InputStreamReader(techniques, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AttackCatalog fromCsv(String version, Reader tacticsCsv, Reader techniquesCsv) throws IOException {
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
        List<Tactic> tactics = new ArrayList<>();
        for (CSVRecord row : format.parse(tacticsCsv)) {
            tactics.add(new Tactic(row.get("tactic_id"), row.get("shortname"), row.get("name")));
        }
        List<Technique> techniques = new ArrayList<>();
        for (CSVRecord row : format.parse(techniquesCsv)) {
            String tacticIds = row.get("tactic_ids");
            techniques.add(new Technique(row.get("technique_id"), row.get("name"),
                    tacticIds.isBlank() ? List.of() : Arrays.asList(tacticIds.split(";")),
                    Boolean.parseBoolean(row.get("is_subtechnique")), row.get("status")));
        }
        return new AttackCatalog(version, tactics, techniques);
    }

    /** Reads the tactics and techniques of an official Enterprise ATT&CK STIX 2.x bundle. */
    public static AttackCatalog fromStix(InputStream bundle) throws IOException {
        JsonNode objects = new ObjectMapper().readTree(bundle).path("objects");
        List<Tactic> tactics = new ArrayList<>();
        Map<String, String> tacticIdByShortname = new LinkedHashMap<>();
        String version = null;
        List<String> matrixOrder = new ArrayList<>(); // STIX ids of the tactics, as the matrix's columns
        Map<Tactic, String> stixIds = new LinkedHashMap<>();
        for (JsonNode object : objects) {
            String type = object.path("type").asText();
            if ("x-mitre-collection".equals(type) && object.hasNonNull("x_mitre_version")) {
                version = majorVersion(object.path("x_mitre_version").asText());
            } else if ("x-mitre-matrix".equals(type) && matrixOrder.isEmpty()) {
                object.path("tactic_refs").forEach(ref -> matrixOrder.add(ref.asText()));
            } else if ("x-mitre-tactic".equals(type)) {
                String id = attackId(object);
                String shortname = object.path("x_mitre_shortname").asText();
                if (id != null) {
                    Tactic tactic = new Tactic(id, shortname, object.path("name").asText());
                    tactics.add(tactic);
                    stixIds.put(tactic, object.path("id").asText());
                    tacticIdByShortname.put(shortname, id);
                }
            }
        }
        // tactics the matrix does not list stay after those it does, in bundle order (a stable sort)
        tactics.sort(Comparator.comparingInt(t -> {
            int at = matrixOrder.indexOf(stixIds.get(t));
            return at < 0 ? Integer.MAX_VALUE : at;
        }));
        List<Technique> techniques = new ArrayList<>();
        for (JsonNode object : objects) {
            String id = attackId(object);
            if (!"attack-pattern".equals(object.path("type").asText()) || id == null) {
                continue;
            }
            List<String> tacticIds = new ArrayList<>();
            for (JsonNode phase : object.path("kill_chain_phases")) {
                String tacticId = tacticIdByShortname.get(phase.path("phase_name").asText());
                if ("mitre-attack".equals(phase.path("kill_chain_name").asText()) && tacticId != null) {
                    tacticIds.add(tacticId);
                }
            }
            String status = object.path("revoked").asBoolean() ? "revoked"
                    : object.path("x_mitre_deprecated").asBoolean() ? "deprecated" : "active";
            techniques.add(new Technique(id, object.path("name").asText(), tacticIds,
                    object.path("x_mitre_is_subtechnique").asBoolean(id.contains(".")), status));
        }
        return new AttackCatalog(version, tactics, techniques);
    }

    /** {@code 18} for {@code 18.1}: the Navigator names ATT&CK releases by their major version. */
    private static String majorVersion(String version) {
        int dot = version.indexOf('.');
        return dot < 0 ? version : version.substring(0, dot);
    }

    /** The ATT&CK release, e.g. {@code 18}; empty when the STIX bundle does not say. */
    public Optional<String> version() {
        return Optional.ofNullable(version);
    }

    /** The tactics in the order of the Enterprise matrix's columns (the order they were read in). */
    public List<Tactic> tactics() {
        return List.copyOf(tactics.values());
    }

    /** Every technique and sub-technique, whatever its status, in the order read. */
    public List<Technique> techniques() {
        return List.copyOf(techniques.values());
    }

    public Optional<Tactic> tacticById(String id) {
        return Optional.ofNullable(tactics.get(id.toUpperCase(Locale.ROOT)));
    }

    public Optional<Tactic> tacticByShortname(String shortname) {
        return Optional.ofNullable(tacticsByShortname.get(shortname.toLowerCase(Locale.ROOT)));
    }

    public Optional<Technique> technique(String id) {
        return Optional.ofNullable(techniques.get(id.toUpperCase(Locale.ROOT)));
    }

    /** The tactics a technique serves; a sub-technique without its own row takes its parent's. */
    public List<String> tacticsOf(String techniqueId) {
        String id = techniqueId.toUpperCase(Locale.ROOT);
        Technique technique = techniques.get(id);
        if (technique == null && id.contains(".")) {
            technique = techniques.get(id.substring(0, id.indexOf('.')));
        }
        return technique == null ? List.of() : technique.tacticIds();
    }

    public int tacticCount() {
        return tactics.size();
    }

    public int techniqueCount() {
        return techniques.size();
    }

    private static String attackId(JsonNode object) {
        for (JsonNode reference : object.path("external_references")) {
            if ("mitre-attack".equals(reference.path("source_name").asText()) && reference.hasNonNull("external_id")) {
                return reference.path("external_id").asText();
            }
        }
        return null;
    }

    private static InputStream resource(String name) {
        InputStream in = AttackCatalog.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("missing resource " + name);
        }
        return in;
    }
}
