package org.auditdm.world.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.auditdm.world.question.Family;
import org.auditdm.world.question.Oracle;
import org.auditdm.world.question.QuestionParser;
import org.auditdm.world.question.Templates;
import org.junit.jupiter.api.Test;

class FamilyItemsTest {
    @Test
    void everyFamilyGetsItsItemsFromTrainingParaphrasesWithOracleAnswers() {
        List<BenchItem> items = FamilyItems.training(12).generate(5, 3);
        assertThat(items).hasSize(5 * Family.values().length);
        Oracle oracle = new Oracle();
        for (BenchItem item : items) {
            assertThat(item.suite()).isEqualTo(item.family().name().toLowerCase(Locale.ROOT));
            assertThat(Templates.byId(item.templateId()).orElseThrow().heldOut()).as(item.id()).isFalse();
            var parsed = QuestionParser.parse(item.question());
            assertThat(oracle.answer(item.scene(), parsed.program()).answer()).as(item.id()).isEqualTo(item.answer());
        }
    }

    @Test
    void theObjectCapHoldsAndFamiliesThatNeedTwoObjectsGoEmpty() {
        List<BenchItem> items = FamilyItems.training(1).generate(8, 3);
        assertThat(items).allSatisfy(i -> assertThat(i.scene().objects().size()).isLessThanOrEqualTo(1));
        Set<Family> families = items.stream().map(BenchItem::family).collect(Collectors.toSet());
        assertThat(families).contains(Family.SHAPE, Family.COLOR, Family.CLOCK).doesNotContain(Family.SPATIAL);
    }

    @Test
    void sameSeedSameItemsOtherSeedOtherItems() {
        assertThat(FamilyItems.training(12).generate(4, 7)).isEqualTo(FamilyItems.training(12).generate(4, 7));
        assertThat(FamilyItems.training(12).generate(4, 7)).isNotEqualTo(FamilyItems.training(12).generate(4, 8));
    }

    @Test
    void badArgumentsAreRefusedWithTheirName() {
        assertThatThrownBy(() -> FamilyItems.training(-1)).hasMessageContaining("maxObjects");
        assertThatThrownBy(() -> FamilyItems.training(3).generate(0, 1)).hasMessageContaining("items per family");
    }
}
