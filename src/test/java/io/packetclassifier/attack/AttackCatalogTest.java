package io.packetclassifier.attack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class AttackCatalogTest {

    static AttackCatalog bundled;

    @BeforeAll
    static void load() {
        bundled = AttackCatalog.bundled();
    }

    @Test
    void bundledIsEnterpriseV18() {
        assertThat(bundled.tacticCount()).isEqualTo(14);
        // 216 techniques + 475 sub-techniques active, plus 132 revoked and 12 deprecated rows
        assertThat(bundled.techniqueCount()).isEqualTo(216 + 475 + 132 + 12);
    }

    @Test
    void tacticsByIdAndShortnameIgnoringCase() {
        assertThat(bundled.tacticById("TA0002")).map(Tactic::shortname).contains("execution");
        assertThat(bundled.tacticById("ta0002")).map(Tactic::name).contains("Execution");
        assertThat(bundled.tacticByShortname("command-and-control")).map(Tactic::id).contains("TA0011");
        assertThat(bundled.tacticByShortname("Privilege-Escalation")).map(Tactic::id).contains("TA0004");
        assertThat(bundled.tacticById("TA9999")).isEmpty();
        assertThat(bundled.tacticByShortname("defense-impairment")).as("an ATT&CK v19 tactic").isEmpty();
    }

    @Test
    void techniquesByIdIgnoringCase() {
        Technique powershell = bundled.technique("t1059.001").orElseThrow();
        assertThat(powershell.id()).isEqualTo("T1059.001");
        assertThat(powershell.name()).isEqualTo("PowerShell");
        assertThat(powershell.subtechnique()).isTrue();
        assertThat(powershell.parentId()).isEqualTo("T1059");
        assertThat(powershell.tacticIds()).containsExactly("TA0002");
        assertThat(powershell.status()).isEqualTo("active");
        Technique task = bundled.technique("T1053.005").orElseThrow();
        assertThat(task.tacticIds()).containsExactly("TA0002", "TA0003", "TA0004");
        assertThat(bundled.technique("T1059").orElseThrow().subtechnique()).isFalse();
        assertThat(bundled.technique("T1059").orElseThrow().parentId()).isEqualTo("T1059");
    }

    @Test
    void unknownTechnique() {
        assertThat(bundled.technique("T1685")).as("an ATT&CK v19 technique").isEmpty();
        assertThat(bundled.technique("T9999.001")).isEmpty();
        assertThat(bundled.tacticsOf("T9999")).isEmpty();
        assertThat(bundled.tacticsOf("T9999.001")).isEmpty();
    }

    @Test
    void tacticsOfFallsBackToTheParentTechnique() {
        assertThat(bundled.tacticsOf("T1053.005")).containsExactly("TA0002", "TA0003", "TA0004");
        assertThat(bundled.technique("T1003.999")).isEmpty();
        assertThat(bundled.tacticsOf("T1003.999")).containsExactly("TA0006");
        assertThat(bundled.tacticsOf("t1003.001")).as("ignoring case, like technique()").containsExactly("TA0006");
    }

    @Test
    void revokedAndDeprecatedKeepTheirStatus() {
        Technique revoked = bundled.technique("T1002").orElseThrow();
        assertThat(revoked.name()).isEqualTo("Data Compressed");
        assertThat(revoked.status()).isEqualTo("revoked");
        Technique deprecated = bundled.technique("T1064").orElseThrow();
        assertThat(deprecated.name()).isEqualTo("Scripting");
        assertThat(deprecated.status()).isEqualTo("deprecated");
        assertThat(deprecated.tacticIds()).containsExactly("TA0005", "TA0002");
        assertThat(bundled.technique("T1059").orElseThrow().status()).isEqualTo("active");
    }

    @Test
    void fromStixBundle() throws Exception {
        AttackCatalog stix;
        try (InputStream in = getClass().getResourceAsStream("/attack/mini-enterprise-attack.json")) {
            stix = AttackCatalog.fromStix(in);
        }
        assertThat(stix.tacticCount()).isEqualTo(2);
        assertThat(stix.techniqueCount()).isEqualTo(3);
        assertThat(stix.tacticByShortname("persistence")).map(Tactic::id).contains("TA0003");
        assertThat(stix.tacticById("TA0002")).map(Tactic::name).contains("Execution");

        Technique task = stix.technique("T1053").orElseThrow();
        assertThat(task.name()).isEqualTo("Scheduled Task/Job");
        // privilege-escalation is not a tactic of this bundle, and another kill chain's phases are ignored
        assertThat(task.tacticIds()).containsExactly("TA0002", "TA0003");
        assertThat(task.subtechnique()).isFalse();
        assertThat(task.status()).isEqualTo("active");

        Technique sub = stix.technique("T1053.005").orElseThrow();
        assertThat(sub.subtechnique()).isTrue();
        assertThat(sub.tacticIds()).containsExactly("TA0003", "TA0002");
        assertThat(stix.tacticsOf("T1053.002")).containsExactly("TA0002", "TA0003");

        Technique revoked = stix.technique("T1064").orElseThrow();
        assertThat(revoked.status()).isEqualTo("revoked");
        assertThat(revoked.tacticIds()).isEqualTo(List.of());
        assertThat(stix.technique("T1059")).isEmpty();
    }

    @Test
    void bundledTacticsInMatrixOrderAndVersion18() {
        assertThat(bundled.version()).contains("18");
        assertThat(bundled.tactics()).extracting(Tactic::id).containsExactly("TA0043", "TA0042", "TA0001", "TA0002",
                "TA0003", "TA0004", "TA0005", "TA0006", "TA0007", "TA0008", "TA0009", "TA0011", "TA0010", "TA0040");
        assertThat(bundled.techniques()).hasSize(bundled.techniqueCount())
                .anyMatch(t -> t.id().equals("T1059.001") && t.subtechnique());
    }

    @Test
    void stixTacticsFollowTheMatrixAndTheCollectionGivesTheVersion() throws Exception {
        String bundle = """
                {"type": "bundle", "objects": [
                  {"type": "x-mitre-collection", "id": "x-mitre-collection--1", "x_mitre_version": "17.1"},
                  {"type": "x-mitre-tactic", "id": "x-mitre-tactic--a", "name": "Execution", "x_mitre_shortname": "execution",
                   "external_references": [{"source_name": "mitre-attack", "external_id": "TA0002"}]},
                  {"type": "x-mitre-tactic", "id": "x-mitre-tactic--b", "name": "Impact", "x_mitre_shortname": "impact",
                   "external_references": [{"source_name": "mitre-attack", "external_id": "TA0040"}]},
                  {"type": "x-mitre-tactic", "id": "x-mitre-tactic--c", "name": "Discovery", "x_mitre_shortname": "discovery",
                   "external_references": [{"source_name": "mitre-attack", "external_id": "TA0007"}]},
                  {"type": "x-mitre-matrix", "id": "x-mitre-matrix--m", "tactic_refs": ["x-mitre-tactic--c", "x-mitre-tactic--a"]}
                ]}""";
        AttackCatalog stix = AttackCatalog.fromStix(new java.io.ByteArrayInputStream(bundle.getBytes(
                java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(stix.version()).contains("17");
        assertThat(stix.tactics()).extracting(Tactic::id).as("the matrix's columns, then the tactics it leaves out")
                .containsExactly("TA0007", "TA0002", "TA0040");
        try (InputStream in = getClass().getResourceAsStream("/attack/mini-enterprise-attack.json")) {
            assertThat(AttackCatalog.fromStix(in).version()).as("no collection object").isEmpty();
        }
    }
}
