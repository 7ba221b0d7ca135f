package org.auditdm.world.question;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.auditdm.world.scene.Backdrop;
import org.auditdm.world.scene.Bar;
import org.auditdm.world.scene.Chart;
import org.auditdm.world.scene.Clock;
import org.auditdm.world.scene.Fill;
import org.auditdm.world.scene.NamedColor;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneJson;
import org.auditdm.world.scene.SceneObject;
import org.auditdm.world.scene.ShapeKind;
import org.auditdm.world.scene.Sign;
import org.auditdm.world.scene.SizeClass;
import org.auditdm.world.scene.TextSize;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-built scenes with hand-checked answers for every family, including the hard cases. */
class GoldenOracleTest {
    private static final Oracle ORACLE = new Oracle();

    private static SceneObject obj(int id, ShapeKind s, NamedColor c, SizeClass z, Fill f, double x, double y,
                                   String label) {
        return new SceneObject(id, s, c, z, f, 0, x, y, label);
    }

    /** Four well separated objects: two circles of different colours, a striped square, a star. */
    static final Scene BASIC = Scene.ofObjects(List.of(
            obj(0, ShapeKind.CIRCLE, NamedColor.RED, SizeClass.LARGE, Fill.SOLID, 0.2, 0.2, null),
            obj(1, ShapeKind.SQUARE, NamedColor.BLUE, SizeClass.MEDIUM, Fill.STRIPED, 0.8, 0.2, null),
            obj(2, ShapeKind.STAR, NamedColor.GREEN, SizeClass.SMALL, Fill.OUTLINE, 0.5, 0.8, null),
            obj(3, ShapeKind.CIRCLE, NamedColor.BLUE, SizeClass.MEDIUM, Fill.SOLID, 0.2, 0.8, "A")),
            Backdrop.PLAIN_WHITE);

    /** A small yellow circle completely under a large purple square, and a red triangle. */
    static final Scene HIDDEN = Scene.ofObjects(List.of(
            obj(0, ShapeKind.CIRCLE, NamedColor.YELLOW, SizeClass.SMALL, Fill.SOLID, 0.5, 0.5, null),
            obj(1, ShapeKind.SQUARE, NamedColor.PURPLE, SizeClass.LARGE, Fill.SOLID, 0.5, 0.5, null),
            obj(2, ShapeKind.TRIANGLE, NamedColor.RED, SizeClass.MEDIUM, Fill.SOLID, 0.2, 0.2, null)),
            Backdrop.PLAIN_WHITE);

    /** Two red circles of different sizes: "the circle" still has one colour. */
    static final Scene TWINS = Scene.ofObjects(List.of(
            obj(0, ShapeKind.CIRCLE, NamedColor.RED, SizeClass.SMALL, Fill.SOLID, 0.2, 0.5, null),
            obj(1, ShapeKind.CIRCLE, NamedColor.RED, SizeClass.LARGE, Fill.SOLID, 0.7, 0.5, null),
            obj(2, ShapeKind.DIAMOND, NamedColor.ORANGE, SizeClass.MEDIUM, Fill.SOLID, 0.45, 0.52, null)),
            Backdrop.PLAIN_WHITE);

    static final Scene SIGN = Scene.ofSign(new Sign("STOP", NamedColor.WHITE, NamedColor.RED, TextSize.LARGE, 0,
            0.5, 0.5), Backdrop.PLAIN_WHITE);

    /** A sign so close to the left edge that its text is cut off. */
    static final Scene CUT_SIGN = new Scene(List.of(
            obj(0, ShapeKind.HEXAGON, NamedColor.CYAN, SizeClass.MEDIUM, Fill.SOLID, 0.7, 0.7, null)),
            new Sign("HOTEL", NamedColor.BLACK, NamedColor.YELLOW, TextSize.MEDIUM, 0, 0.1, 0.2), null, null,
            Backdrop.PLAIN_WHITE);

    static final Scene CHART = Scene.ofChart(new Chart(List.of(new Bar("A", 3), new Bar("B", 7), new Bar("C", 7),
            new Bar("D", 1)), NamedColor.BLUE), Backdrop.PLAIN_WHITE);

    static final Scene CLOCK = Scene.ofClock(new Clock(3, 5, NamedColor.WHITE, NamedColor.BLACK), Backdrop.PLAIN_WHITE);

    private static Scene scene(String name) {
        return switch (name) {
            case "basic" -> BASIC;
            case "hidden" -> HIDDEN;
            case "twins" -> TWINS;
            case "sign" -> SIGN;
            case "cutsign" -> CUT_SIGN;
            case "chart" -> CHART;
            case "clock" -> CLOCK;
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest(name = "[{0}] {1} -> {2}")
    @CsvSource(delimiter = '|', textBlock = """
            basic  | What colour is the star?                              | green        |
            basic  | what colour is the circle?                            | AMBIGUOUS    | two circles of different colours
            basic  | What color is the large circle?                       | red          |
            basic  | What shape is the red object?                         | circle       |
            basic  | what shape is the blue object?                        | AMBIGUOUS    | two blue objects of different shapes
            basic  | What size is the red circle?                          | large        |
            basic  | What pattern does the square have?                    | striped      |
            basic  | how is the star filled?                               | outline      |
            basic  | Is there a red circle?                                | yes          |
            basic  | Is there a red square?                                | no           |
            basic  | How many circles are there?                           | 2            |
            basic  | How many blue objects are there?                      | 2            |
            basic  | How many hexagons are there?                          | 0            |
            basic  | How many objects are not blue?                        | 2            |
            basic  | Is there exactly one star?                            | yes          |
            basic  | Is there exactly one circle?                          | no           |
            basic  | Is the red circle bigger than the blue square?        | yes          |
            basic  | Is the star bigger than the square?                   | no           |
            basic  | Is the blue square smaller than the blue circle?      | no           |
            basic  | Is the blue square bigger than the blue circle?       | no           |
            basic  | Is the red circle to the left of the square?          | yes          |
            basic  | Is the star above the square?                         | no           |
            basic  | Is the blue circle to the left of the red circle?     | AMBIGUOUS    | almost level
            basic  | Is the circle to the right of the square?             | no           |
            basic  | Where is the star?                                    | bottom       |
            basic  | Where is the square?                                  | top right    |
            basic  | Are there more circles than squares?                  | yes          |
            basic  | Are there fewer stars than squares?                   | no           |
            basic  | Is the red object a circle?                           | yes          |
            basic  | Is the green object a square?                         | no           |
            basic  | How many different colours do the objects have?       | 3            |
            basic  | What is written on the blue circle?                   | a            |
            basic  | What is written on the star?                          | UNANSWERABLE | nothing is written on the star
            basic  | What does the sign say?                               | UNANSWERABLE | no sign in the scene
            basic  | What colour is the sign?                              | UNANSWERABLE | no sign in the scene
            basic  | What colour is the hexagon?                           | UNANSWERABLE | no hexagon in the scene
            basic  | Is the red circle bigger than the red object?         | UNANSWERABLE | same object
            basic  | What is the value of bar C?                           | UNANSWERABLE | needs a chart scene
            hidden | How many circles are there?                           | AMBIGUOUS    | mostly hidden
            hidden | What colour is the circle?                            | AMBIGUOUS    | the only circle is mostly hidden
            hidden | Is there a yellow circle?                             | AMBIGUOUS    | mostly hidden
            hidden | How many squares are there?                           | 1            |
            hidden | How many objects are not purple?                      | AMBIGUOUS    | mostly hidden
            hidden | Is there a red triangle?                              | yes          |
            hidden | Where is the triangle?                                | top left     |
            twins  | What colour is the circle?                            | red          |
            twins  | What size is the circle?                              | AMBIGUOUS    | two circles of different sizes
            twins  | Is the diamond to the right of the circle?            | AMBIGUOUS    | differs
            twins  | Is the diamond above the small circle?                | AMBIGUOUS    | almost level
            twins  | Is the diamond bigger than the small circle?          | yes          |
            twins  | How many different colours do the objects have?      | 2            |
            sign   | What does the sign say?                               | stop         |
            sign   | What colour is the sign?                              | red          |
            sign   | How many circles are there?                           | UNANSWERABLE | needs an object scene
            cutsign | What is written on the sign?                         | UNANSWERABLE | cut off
            cutsign | Which colour is the sign board?                      | yellow       |
            chart  | What is the value of bar C?                           | 7            |
            chart  | Which bar is the tallest?                             | AMBIGUOUS    | bars B and C tie for the tallest
            chart  | Which bar is the shortest?                            | d            |
            chart  | Is bar A higher than bar B?                           | no           |
            chart  | Is bar B higher than bar C?                           | no           |
            chart  | Is bar b lower than bar a?                            | no           |
            chart  | What is the value of bar H?                           | UNANSWERABLE | no bar H
            chart  | What colour is the star?                              | UNANSWERABLE | needs an object scene
            clock  | What time does the clock show?                        | 3:05         |
            clock  | what time is it                                       | 3:05         |
            clock  | What does the sign say?                               | UNANSWERABLE | this is a clock scene
            """)
    void answers(String sceneName, String question, String expected, String reasonPart) {
        Scene scene = scene(sceneName);
        // scenes go through JSON so that the golden scenes double as a JSON fixture check
        scene = SceneJson.read(SceneJson.write(scene));
        OracleAnswer a = ORACLE.answer(scene, QuestionParser.parse(question).program());
        if (expected.equals("AMBIGUOUS") || expected.equals("UNANSWERABLE")) {
            assertThat(a.status().name()).as(a.toString()).isEqualTo(expected);
            assertThat(a.reason()).contains(reasonPart);
        } else {
            assertThat(a.status()).as(a.toString()).isEqualTo(OracleAnswer.Status.ANSWER);
            assertThat(a.answer()).isEqualTo(expected);
            assertThat(AnswerSpace.indexOf(a.answer())).isNotNegative();
        }
    }
}
