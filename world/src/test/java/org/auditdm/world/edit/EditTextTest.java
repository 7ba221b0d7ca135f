package org.auditdm.world.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.scene.Region;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;
import org.auditdm.world.text.ParseException;
import org.junit.jupiter.api.Test;

class EditTextTest {
    private static final ObjectFilter STAR = ObjectFilter.of(null, ShapeKind.STAR);
    private static final ObjectFilter CIRCLE = ObjectFilter.of(null, ShapeKind.CIRCLE);

    @Test
    void examplesParse() {
        assertThat(EditParser.parse("make the star green")).isEqualTo(new Edit.Recolor(ObjectRef.the(STAR), NamedColor.GREEN));
        assertThat(EditParser.parse("paint the red circle blue"))
                .isEqualTo(new Edit.Recolor(ObjectRef.the(ObjectFilter.of(NamedColor.RED, ShapeKind.CIRCLE)), NamedColor.BLUE));
        assertThat(EditParser.parse("change the colour of the square to purple"))
                .isEqualTo(new Edit.Recolor(ObjectRef.the(ObjectFilter.of(null, ShapeKind.SQUARE)), NamedColor.PURPLE));
        assertThat(EditParser.parse("remove the small circle"))
                .isEqualTo(new Edit.Remove(ObjectRef.the(CIRCLE.withSize(SizeClass.SMALL))));
        assertThat(EditParser.parse("remove all circles")).isEqualTo(new Edit.Remove(ObjectRef.all(CIRCLE)));
        assertThat(EditParser.parse("delete the blue objects"))
                .isEqualTo(new Edit.Remove(ObjectRef.all(ObjectFilter.of(NamedColor.BLUE, null))));
        assertThat(EditParser.parse("add two yellow hexagons"))
                .isEqualTo(new Edit.Add(2, ObjectFilter.of(NamedColor.YELLOW, ShapeKind.HEXAGON), null));
        assertThat(EditParser.parse("add a red circle at the top right"))
                .isEqualTo(new Edit.Add(1, ObjectFilter.of(NamedColor.RED, ShapeKind.CIRCLE), Region.TOP_RIGHT));
        assertThat(EditParser.parse("move the star to the top left")).isEqualTo(new Edit.MoveTo(ObjectRef.the(STAR), Region.TOP_LEFT));
        ObjectRef sq = ObjectRef.the(ObjectFilter.of(null, ShapeKind.SQUARE));
        ObjectRef tri = ObjectRef.the(ObjectFilter.of(null, ShapeKind.TRIANGLE));
        assertThat(EditParser.parse("move the square left of the triangle")).isEqualTo(new Edit.MoveBeside(sq, Edit.Relation.LEFT_OF, tri));
        assertThat(EditParser.parse("move the square to the right of the triangle")).isEqualTo(new Edit.MoveBeside(sq, Edit.Relation.RIGHT_OF, tri));
        assertThat(EditParser.parse("move the square above the triangle")).isEqualTo(new Edit.MoveBeside(sq, Edit.Relation.ABOVE, tri));
        assertThat(EditParser.parse("move the square below the triangle")).isEqualTo(new Edit.MoveBeside(sq, Edit.Relation.BELOW, tri));
        assertThat(EditParser.parse("make the circle large")).isEqualTo(new Edit.Resize(ObjectRef.the(CIRCLE), SizeClass.LARGE));
        assertThat(EditParser.parse("make the circle bigger")).isEqualTo(new Edit.Scale(ObjectRef.the(CIRCLE), true));
        assertThat(EditParser.parse("make the circle smaller")).isEqualTo(new Edit.Scale(ObjectRef.the(CIRCLE), false));
        assertThat(EditParser.parse("turn the square into a circle")).isEqualTo(new Edit.Reshape(sq, ShapeKind.CIRCLE));
        assertThat(EditParser.parse("make the square striped")).isEqualTo(new Edit.Refill(sq, Fill.STRIPED));
        assertThat(EditParser.parse("make the square outlined")).isEqualTo(new Edit.Refill(sq, Fill.OUTLINE));
        assertThat(EditParser.parse("rotate the triangle by 45 degrees")).isEqualTo(new Edit.Rotate(tri, 45));
        assertThat(EditParser.parse("rotate the triangle 45 degrees counterclockwise")).isEqualTo(new Edit.Rotate(tri, 315));
        assertThat(EditParser.parse("swap the circle and the square")).isEqualTo(new Edit.Swap(ObjectRef.the(CIRCLE), sq));
        assertThat(EditParser.parse("write A on the circle")).isEqualTo(new Edit.Label(ObjectRef.the(CIRCLE), "A"));
        assertThat(EditParser.parse("change the sign to GO")).isEqualTo(new Edit.SetSignText("GO"));
        assertThat(EditParser.parse("set bar C to 7")).isEqualTo(new Edit.SetBar("C", 7));
        assertThat(EditParser.parse("set the clock to 3:45")).isEqualTo(new Edit.SetClock(3, 45));
        assertThat(EditParser.parse("make the background gray")).isEqualTo(new Edit.SetBackground(NamedColor.GRAY));
        assertThat(EditParser.parse("blur the image")).isEqualTo(new Edit.Perturb(Edit.Perturbation.BLUR));
        assertThat(EditParser.parse("add noise")).isEqualTo(new Edit.Perturb(Edit.Perturbation.NOISE));
        assertThat(EditParser.parse("darken the image")).isEqualTo(new Edit.Perturb(Edit.Perturbation.DARKEN));
        assertThat(EditParser.parse("brighten the image")).isEqualTo(new Edit.Perturb(Edit.Perturbation.BRIGHTEN));
        assertThat(EditParser.parse("lower the contrast")).isEqualTo(new Edit.Perturb(Edit.Perturbation.LOWER_CONTRAST));
        assertThat(EditParser.parse("compress the image")).isEqualTo(new Edit.Perturb(Edit.Perturbation.COMPRESS));
        assertThat(EditParser.parse("add clutter")).isEqualTo(new Edit.Clutter(true));
        assertThat(EditParser.parse("remove the clutter")).isEqualTo(new Edit.Clutter(false));
    }

    @Provide
    Arbitrary<Edit> edits() {
        Arbitrary<ObjectFilter> filters = Combinators.combine(
                Arbitraries.of(SizeClass.class).injectNull(0.5), Arbitraries.of(NamedColor.class).injectNull(0.5),
                Arbitraries.of(Fill.class).injectNull(0.6), Arbitraries.of(ShapeKind.class).injectNull(0.3))
                .as(ObjectFilter::new);
        Arbitrary<ObjectRef> one = filters.filter(f -> !f.isAny()).map(ObjectRef::the);
        Arbitrary<ObjectRef> any = Arbitraries.oneOf(one, filters.map(ObjectRef::all));
        Arbitrary<String> text = Arbitraries.of("A", "7", "GO", "NO ENTRY", "OK!", "X-1");
        List<Arbitrary<? extends Edit>> kinds = new ArrayList<>();
        kinds.add(Combinators.combine(any, Arbitraries.of(NamedColor.class)).as(Edit.Recolor::new));
        kinds.add(any.map(Edit.Remove::new));
        kinds.add(Combinators.combine(Arbitraries.integers().between(1, 12), filters,
                Arbitraries.of(Region.class).injectNull(0.3)).as(Edit.Add::new));
        kinds.add(Combinators.combine(one, Arbitraries.of(Region.class)).as(Edit.MoveTo::new));
        kinds.add(Combinators.combine(one, Arbitraries.of(Edit.Relation.class), one).as(Edit.MoveBeside::new));
        kinds.add(Combinators.combine(any, Arbitraries.of(SizeClass.class)).as(Edit.Resize::new));
        kinds.add(Combinators.combine(any, Arbitraries.of(true, false)).as(Edit.Scale::new));
        kinds.add(Combinators.combine(any, Arbitraries.of(ShapeKind.class)).as(Edit.Reshape::new));
        kinds.add(Combinators.combine(any, Arbitraries.of(Fill.class)).as(Edit.Refill::new));
        kinds.add(Combinators.combine(any, Arbitraries.integers().between(1, 359)).as(Edit.Rotate::new));
        kinds.add(Combinators.combine(one, one).as(Edit.Swap::new));
        kinds.add(Combinators.combine(any, text.filter(s -> s.length() <= 3)).as(Edit.Label::new));
        kinds.add(any.map(Edit.Unlabel::new));
        kinds.add(text.map(Edit.SetSignText::new));
        kinds.add(Combinators.combine(Arbitraries.chars().range('A', 'H').map(String::valueOf),
                Arbitraries.integers().between(0, 10)).as(Edit.SetBar::new));
        kinds.add(Combinators.combine(Arbitraries.integers().between(1, 12), Arbitraries.integers().between(0, 59))
                .as(Edit.SetClock::new));
        kinds.add(Arbitraries.of(NamedColor.class).map(Edit.SetBackground::new));
        kinds.add(Arbitraries.of(Edit.Perturbation.class).map(Edit.Perturb::new));
        kinds.add(Arbitraries.of(true, false).map(Edit.Clutter::new));
        return Arbitraries.oneOf(kinds);
    }

    @Property(tries = 400)
    void writtenEditsParseBackToThemselves(@ForAll("edits") Edit e) {
        assertThat(EditParser.parse(EditWriter.write(e))).isEqualTo(e);
    }

    @Test
    void everyKindIsCoveredByTheGenerator() {
        assertThat(Edit.class.getPermittedSubclasses()).hasSize(19);
    }

    @Test
    void parseErrorsNamePositions() {
        assertThatThrownBy(() -> EditParser.parse("make the strar green"))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("unknown word 'strar'").hasMessageContaining("did you mean 'star'")
                .satisfies(e -> assertThat(((ParseException) e).position()).isEqualTo(9));
        assertThatThrownBy(() -> EditParser.parse("mkae the star green"))
                .hasMessageContaining("unknown command word 'mkae'").hasMessageContaining("did you mean 'make'");
        assertThatThrownBy(() -> EditParser.parse("move all circles to the top"))
                .hasMessageContaining("names several objects");
        assertThatThrownBy(() -> EditParser.parse("set bar C to 12")).hasMessageContaining("out of range 0-10");
        assertThatThrownBy(() -> EditParser.parse("set the clock to 13:75")).hasMessageContaining("bad time 13:75");
        assertThatThrownBy(() -> EditParser.parse("make the star green now")).hasMessageContaining("unexpected 'now'");
        assertThatThrownBy(() -> EditParser.parse("rotate the star by 400 degrees")).hasMessageContaining("1 to 359");
        assertThatThrownBy(() -> EditParser.parse("write ABCD on the star")).hasMessageContaining("limit is 3");
        assertThatThrownBy(() -> EditParser.parse("make the star a circle")).hasMessageContaining("unknown word 'a'");
    }
}
