package org.auditdm.world.caption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.ObjectFilter;
import org.auditdm.world.scene.Region;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.SizeClass;
import org.auditdm.world.scene.TextSize;
import org.auditdm.world.scene.Texture;
import org.auditdm.world.text.ParseException;
import org.junit.jupiter.api.Test;

class CaptionParserTest {

    private static long count(Scene s, SizeClass size, NamedColor c, Fill f, ShapeKind k) {
        return new ObjectFilter(size, c, f, k).select(s).size();
    }

    @Test
    void groupsWithPlacesAndASign() {
        Scene s = CaptionParser.parse("three small red circles and a large blue star at the top left; a sign reading STOP", 1);
        assertThat(s.kind()).isEqualTo(SceneKind.OBJECTS);
        assertThat(s.objects()).hasSize(4);
        assertThat(count(s, SizeClass.SMALL, NamedColor.RED, null, ShapeKind.CIRCLE)).isEqualTo(3);
        var star = new ObjectFilter(SizeClass.LARGE, NamedColor.BLUE, null, ShapeKind.STAR).select(s);
        assertThat(star).singleElement().satisfies(o -> assertThat(o.region()).isEqualTo(Region.TOP_LEFT));
        assertThat(s.sign().text()).isEqualTo("STOP");
        assertThat(s.objects()).allSatisfy(o -> assertThat(o.label()).isNull());
        assertThat(s.objects()).extracting(o -> o.id()).containsExactly(0, 1, 2, 3);
    }

    @Test
    void mixedGroupsAndBackground() {
        Scene s = CaptionParser.parse("a green striped square, two yellow hexagons in the center and an orange "
                + "triangle on the right; on a gray background", 7);
        assertThat(count(s, null, NamedColor.GREEN, Fill.STRIPED, ShapeKind.SQUARE)).isEqualTo(1);
        assertThat(ObjectFilter.of(NamedColor.YELLOW, ShapeKind.HEXAGON).select(s))
                .hasSize(2).allSatisfy(o -> assertThat(o.region()).isEqualTo(Region.CENTER));
        assertThat(ObjectFilter.of(NamedColor.ORANGE, ShapeKind.TRIANGLE).select(s))
                .singleElement().satisfies(o -> assertThat(o.region()).isEqualTo(Region.RIGHT));
        assertThat(s.backdrop().background()).isEqualTo(NamedColor.GRAY);
    }

    @Test
    void barCharts() {
        Scene a = CaptionParser.parse("a bar chart with A = 3, B = 7 and C = 2", 1);
        assertThat(a.kind()).isEqualTo(SceneKind.CHART);
        assertThat(a.chart().bars()).extracting(b -> b.label() + b.value()).containsExactly("A3", "B7", "C2");
        Scene b = CaptionParser.parse("a blue bar chart where A is 3, B is 7", 1);
        assertThat(b.chart().barColor()).isEqualTo(NamedColor.BLUE);
        assertThat(b.chart().bar("B").orElseThrow().value()).isEqualTo(7);
    }

    @Test
    void clocks() {
        Scene a = CaptionParser.parse("a clock showing 3:45", 3);
        assertThat(a.clock().time()).isEqualTo("3:45");
        Scene b = CaptionParser.parse("a white clock with red hands showing 10:05", 3);
        assertThat(b.clock().faceColor()).isEqualTo(NamedColor.WHITE);
        assertThat(b.clock().handColor()).isEqualTo(NamedColor.RED);
        assertThat(b.clock().time()).isEqualTo("10:05");
    }

    @Test
    void signs() {
        Scene a = CaptionParser.parse("a sign reading GO", 2);
        assertThat(a.kind()).isEqualTo(SceneKind.SIGN);
        assertThat(a.sign().text()).isEqualTo("GO");
        Scene b = CaptionParser.parse("a small red sign reading EXIT in white letters", 2);
        assertThat(b.sign().textSize()).isEqualTo(TextSize.SMALL);
        assertThat(b.sign().boardColor()).isEqualTo(NamedColor.RED);
        assertThat(b.sign().textColor()).isEqualTo(NamedColor.WHITE);
        Scene c = CaptionParser.parse("a sign reading \"NO ENTRY\"", 2);
        assertThat(c.sign().text()).isEqualTo("NO ENTRY");
    }

    @Test
    void backdropClauses() {
        Scene s = CaptionParser.parse("a red circle; with a grid texture, with clutter, blurred, noisy, dark, "
                + "low contrast, compressed", 5);
        assertThat(s.backdrop().texture()).isEqualTo(Texture.GRID);
        assertThat(s.backdrop().clutter()).isPositive();
        var p = s.backdrop().photometric();
        assertThat(p.blur()).isPositive();
        assertThat(p.noise()).isPositive();
        assertThat(p.brightness()).isNegative();
        assertThat(p.contrast()).isLessThan(1);
        assertThat(p.jpegQuality()).isPositive();
        Scene plain = CaptionParser.parse("two blue squares", 5);
        assertThat(plain.backdrop().photometric().isNone()).isTrue();
        assertThat(plain.backdrop().clutter()).isZero();
    }

    @Test
    void backdropPhraseWithoutSeparatorAndDigits() {
        Scene s = CaptionParser.parse("3 red circles on a black background.", 5);
        assertThat(s.objects()).hasSize(3);
        assertThat(s.backdrop().background()).isEqualTo(NamedColor.BLACK);
    }

    @Test
    void labelsAreKept() {
        Scene s = CaptionParser.parse("a large red solid circle labelled A", 5);
        assertThat(s.objects().get(0).label()).isEqualTo("A");
        assertThat(CaptionWriter.describe(s)).contains("labelled A");
    }

    @Test
    void sameSeedSameSceneOtherSeedOtherPlaces() {
        String c = "four circles and a star";
        assertThat(CaptionParser.parse(c, 9)).isEqualTo(CaptionParser.parse(c, 9));
        assertThat(CaptionParser.parse(c, 9)).isNotEqualTo(CaptionParser.parse(c, 10));
    }

    @Test
    void emptyScene() {
        Scene s = CaptionParser.parse("an empty scene; on a pink background", 1);
        assertThat(s.objects()).isEmpty();
        assertThat(CaptionWriter.describe(s)).isEqualTo("an empty scene; on a pink background");
    }

    @Test
    void canonicalCaption() {
        Scene s = CaptionParser.parse("two small red solid circles at the top left; a blue striped large star in the "
                + "middle; on a gray background, blurred", 4);
        assertThat(CaptionWriter.describe(s)).isEqualTo("two small red solid circles at the top left and a large "
                + "blue striped star in the center; on a gray background, blurred");
    }

    private static String error(String caption) {
        try {
            CaptionParser.parse(caption, 1);
        } catch (ParseException e) {
            return e.getMessage();
        }
        throw new AssertionError("no error for " + caption);
    }

    @Test
    void unknownWordNamesPositionAndSuggestion() {
        assertThatThrownBy(() -> CaptionParser.parse("three red circels", 1))
                .isInstanceOf(ParseException.class)
                .hasMessageContaining("unknown word 'circels'")
                .hasMessageContaining("did you mean 'circle")
                .satisfies(e -> assertThat(((ParseException) e).position()).isEqualTo(10));
        assertThat(error("thre red circles")).contains("unknown word 'thre'").contains("did you mean 'three'");
    }

    @Test
    void errors() {
        assertThat(error("seven circles and six squares")).contains("13 objects").contains("at most 12");
        assertThat(error("twelve large circles at the top left")).contains("no room for twelve large circles at the top left");
        assertThat(error("a bar chart with A = 3, B = 4; a red circle")).contains("cannot share the scene with a bar chart");
        assertThat(error("a red circle; a bar chart with A = 3, B = 4")).contains("cannot share the scene with objects");
        assertThat(error("a bar chart with A = 3, B = 12")).contains("bar B value 12 is out of range 0-10");
        assertThat(error("a clock showing 13:75")).contains("bad time 13:75");
        assertThat(error("three red circle")).contains("needs a plural noun");
        assertThat(error("a red circles")).contains("needs a singular noun");
        assertThat(error("a bar chart with A = 3")).contains("2 to 8 bars");
        assertThat(error("a sign reading GO; a sign reading STOP")).contains("one sign");
        assertThat(error("a red sign reading GO in red letters")).contains("must differ");
        assertThat(error("a red circle at the top lft")).contains("unexpected 'lft' (did you mean 'left'?)");
        assertThat(error("a red circle at the blue")).contains("expected a place");
        assertThat(error("a red circle x")).contains("unexpected 'x'");
        assertThat(error("a sign reading \"NO ENTRY")).contains("not closed");
        assertThat(error("a red circle; " + "a ".repeat(500))).contains("limit is 1000");
        assertThat(error("")).contains("empty");
    }
}
