package org.auditdm.world.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;
import org.junit.jupiter.api.Test;

class NounPhraseTest {
    @Property(tries = 300)
    void phraseRoundTrips(@ForAll SizeClass size, @ForAll NamedColor color, @ForAll Fill fill,
                          @ForAll ShapeKind shape, @ForAll boolean plural, @ForAll int mask) {
        ObjectFilter f = new ObjectFilter((mask & 1) == 0 ? null : size, (mask & 2) == 0 ? null : color,
                (mask & 4) == 0 ? null : fill, (mask & 8) == 0 ? null : shape);
        Tokens t = Tokens.of("phrase", f.phrase(plural));
        NounPhrase np = NounPhrase.parse(t);
        assertThat(t.atEnd()).isTrue();
        assertThat(np.filter()).isEqualTo(f);
        assertThat(np.plural()).isEqualTo(plural);
    }

    @Test
    void synonymsAndAnyOrder() {
        NounPhrase np = NounPhrase.parse(Tokens.of("q", "grey big hollow crosses"));
        assertThat(np.filter()).isEqualTo(new ObjectFilter(SizeClass.LARGE, NamedColor.GRAY, Fill.OUTLINE, ShapeKind.CROSS));
        assertThat(np.plural()).isTrue();
    }

    @Test
    void typoGetsAHintAndAPosition() {
        assertThatThrownBy(() -> NounPhrase.parse(Tokens.of("q", "small red sqare")))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("unknown word 'sqare'")
                .hasMessageContaining("did you mean 'square'")
                .hasMessageContaining("column 11")
                .satisfies(e -> assertThat(((ParseException) e).position()).isEqualTo(10));
    }

    @Test
    void tokensKeepTimesWhole() {
        assertThat(Tokens.of("q", "set the clock to 3:45.").all()).extracting(Token::text)
                .containsExactly("set", "the", "clock", "to", "3:45", ".");
    }

    @Test
    void emptyAndOverlongInputAreRejected() {
        assertThatThrownBy(() -> Tokens.of("question", "  ")).hasMessageContaining("question is empty");
        assertThatThrownBy(() -> Tokens.of("caption", "x".repeat(501))).hasMessageContaining("limit is 500");
        assertThatThrownBy(() -> Tokens.of("edit", "make\u0007 it")).hasMessageContaining("control character");
    }
}
