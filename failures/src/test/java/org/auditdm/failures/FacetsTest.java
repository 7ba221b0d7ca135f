package org.auditdm.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.auditdm.api.Pairing;
import org.auditdm.api.Probe;
import org.auditdm.api.ProbeMode;
import org.junit.jupiter.api.Test;

class FacetsTest {
    static Probe question(String q) {
        return new Probe("s", ProbeMode.QUESTION, q, Pairing.NEW_QUESTION_ORIGINAL_IMAGE, q, "a", "a");
    }

    static Facet f(String s) {
        return Facet.parse(s);
    }

    @Test
    void readsFamilyAndSubjectFromTheQuestion() {
        assertThat(Facets.ofInput(question("how many small red circles are there?")))
                .contains(f("family=count-attribute"), f("subject.size=small"), f("subject.color=red"), f("subject.shape=circle"),
                        f("mode=question"), f("pairing=new-question-original-image"));
        assertThat(Facets.ofInput(question("is the circle to the left of the square?")))
                .contains(f("family=spatial"), f("relation=left-of"), f("other.shape=square"));
    }

    @Test
    void readsTheEditKindOfAnEditedImage() {
        Probe p = new Probe("s", ProbeMode.EDIT, "make the star orange", Pairing.ORIGINAL_QUESTION_NEW_IMAGE,
                "what colour is the star?", "b", "a");
        assertThat(Facets.ofInput(p)).contains(f("edit=recolor"), f("edit.color=orange"), f("family=color"),
                f("mode=edit"));
        Probe paired = new Probe("s", ProbeMode.EDIT, "what colour is the star? | blur the image",
                Pairing.NEW_QUESTION_NEW_IMAGE, "what colour is the star?", "b", "a");
        assertThat(Facets.ofInput(paired)).contains(f("edit=perturb"), f("edit.perturbation=blur"));
    }

    @Test
    void textOutsideTheGrammarHasOnlyHowItWasMade() {
        assertThat(Facets.ofInput(question("what is the meaning of this photo?")))
                .containsExactlyInAnyOrder(f("mode=question"), f("pairing=new-question-original-image"));
    }

    @Test
    void answerFacetsSayTheDirectionOfAnError() {
        assertThat(Facets.ofAnswers("4", "7", true)).contains(f("consensus=7"), f("consensus.count=6+"),
                f("target=4"), f("target.count=3-5"), f("error=undercount"));
        assertThat(Facets.ofAnswers("3", "1", true)).contains(f("error=overcount"));
        assertThat(Facets.ofAnswers("yes", "no", true)).contains(f("error=false-yes"));
        assertThat(Facets.ofAnswers("no", "yes", true)).contains(f("error=false-no"));
        assertThat(Facets.ofAnswers("red", "orange", false)).containsExactly(f("target=red"));
    }

    @Test
    void definitionsHaveStableIdsWhateverTheFacetOrder() {
        TypeDefinition a = new TypeDefinition(List.of(f("family=color"), f("consensus=orange")));
        TypeDefinition b = new TypeDefinition(List.of(f("consensus=orange"), f("family=color"), f("family=color")));
        assertThat(a).isEqualTo(b);
        assertThat(a.id()).isEqualTo(b.id()).matches("ft-[0-9a-f]{10}");
        assertThat(a.matches(Set.of(f("family=color"), f("consensus=orange"), f("mode=edit")))).isTrue();
        assertThat(a.matches(Set.of(f("family=color")))).isFalse();
        assertThatThrownBy(() -> Facet.parse("family")).hasMessageContaining("key=value");
        assertThatThrownBy(() -> new TypeDefinition(List.of())).hasMessageContaining("at least one facet");
    }
}
