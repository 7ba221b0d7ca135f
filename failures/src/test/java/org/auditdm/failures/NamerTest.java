package org.auditdm.failures;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.auditdm.api.Pairing;
import org.auditdm.api.Probe;
import org.auditdm.api.ProbeMode;
import org.junit.jupiter.api.Test;

class NamerTest {
    static Observation obs(int i, String question, String edit, String target, String consensus) {
        Probe p = edit == null
                ? new Probe("s" + i, ProbeMode.QUESTION, question, Pairing.NEW_QUESTION_ORIGINAL_IMAGE, question, "a", "a")
                : new Probe("s" + i, ProbeMode.EDIT, edit, Pairing.ORIGINAL_QUESTION_NEW_IMAGE, question, "b", "a");
        return new Observation("f-" + i, p, target, List.of(consensus, consensus), consensus, null,
                Facets.of(p, target, consensus, true));
    }

    @Test
    void namesAColourConfusionAfterRecolouring() {
        List<Observation> members = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            members.add(obs(i, "what colour is the star?", "make the star orange", "red", "orange"));
        }
        members.add(obs(9, "what colour is the circle?", "make the circle orange", "yellow", "orange"));
        TypeDefinition def = Namer.define(members).orElseThrow();
        assertThat(def.facets()).contains(Facet.parse("family=color"), Facet.parse("consensus=orange"),
                Facet.parse("edit=recolor"), Facet.parse("edit.color=orange"));
        assertThat(def.facets()).noneMatch(f -> f.key().startsWith("target"));
        assertThat(Namer.name(def, members)).isEqualTo("colour of stars: 'orange' answered 'red' after recolouring to orange");
        assertThat(Namer.describe(def, members)).contains("9 findings").contains("'red' in 89%");
    }

    @Test
    void namesUndercounting() {
        List<Observation> members = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            members.add(obs(i, "how many circles are there?", null, Integer.toString(3 + i % 2), Integer.toString(6 + i)));
        }
        TypeDefinition def = Namer.define(members).orElseThrow();
        assertThat(Namer.name(def, members)).isEqualTo("counting of circles: target undercounts (ensemble counts 6+)");
    }

    @Test
    void aClusterSharingOnlyHowItWasMadeIsNoType() {
        List<Observation> members = List.of(
                obs(1, "how many circles are there?", null, "2", "3"),
                obs(2, "what colour is the star?", null, "red", "blue"),
                obs(3, "where is the square?", null, "top left", "center"),
                obs(4, "what shape is the red object?", null, "circle", "square"));
        assertThat(Namer.define(members)).isEmpty();
    }
}
