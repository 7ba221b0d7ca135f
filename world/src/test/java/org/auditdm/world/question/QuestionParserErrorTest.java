package org.auditdm.world.question;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import org.auditdm.world.text.ParseException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Questions that cannot be read fail with the right position and a helpful message. */
class QuestionParserErrorTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            what colour is the strar?            | 19 | unknown word 'strar' (did you mean 'star'?)
            is there a purpel circle?            | 11 | unknown word 'purpel' (did you mean 'purple'?)
            what colur is the star?              | 5  | unknown word 'colur' (did you mean 'colo
            what clr is the star?                | 5  | unknown word 'clr'
            is the circle bigger then the square? | 21 | unknown word 'then' (did you mean 'than'?)
            why is the sky blue?                 | 0  | unsupported question shape: questions start with
            tell me a joke                       | 8  | unsupported question shape: expected 'the' but found 'a'
            what colour is the star star?        | 24 | unexpected 'star' after the end of the question
            what colour is the star please?      | 24 | unknown word 'please'
            how many circle are there?           | 9  | expected several objects ('circles'), not 'circle'
            what colour is the circles?          | 19 | expected one object ('circle'), not 'circles'
            what colour is the                   | 18 | the question ends too early; expected
            what colour is the red blue star?    | 23 | two colours in one description
            what colour is the red star?         | 15 | cannot ask that: COLOR asks for colour
            is bar A higher than bar A?          | 0  | cannot ask that: CHART_COMPARE compares bar A with itself
            are there more circles than circles? | 15 | cannot ask that: COUNT_COMPARE compares a group with itself
            is the red object a big circle?      | 3  | cannot ask that: BINDING asks about exactly one shape
            """)
    void failsWithPositionAndMessage(String question, int position, String message) {
        ParseException e = catchThrowableOfType(ParseException.class, () -> QuestionParser.parse(question));
        assertThat(e).as("no error for '%s'", question).isNotNull();
        assertThat(e.problem()).startsWith(message);
        assertThat(e.position()).isEqualTo(position);
        assertThat(e.getMessage()).contains("at column " + (e.position() + 1)).contains("^");
    }

    @Test
    void emptyAndOverlongQuestionsAreRejected() {
        assertThat(catchThrowableOfType(ParseException.class, () -> QuestionParser.parse("   ")).problem())
                .isEqualTo("question is empty");
        String longText = "is there a " + "red ".repeat(200) + "circle?";
        assertThat(catchThrowableOfType(ParseException.class, () -> QuestionParser.parse(longText)).problem())
                .contains("the limit is 500");
    }

    @Test
    void startersListIsDerivedFromTheTemplates() {
        ParseException e = catchThrowableOfType(ParseException.class, () -> QuestionParser.parse("why?"));
        assertThat(e.problem()).contains("'what'", "'how'", "'is'", "'where'", "not 'why'");
    }
}
