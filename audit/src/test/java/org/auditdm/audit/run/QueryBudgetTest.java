package org.auditdm.audit.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.auditdm.api.Picture;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.audit.testing.ConstantModel;
import org.junit.jupiter.api.Test;

class QueryBudgetTest {
    private static final VisualQuestion Q = new VisualQuestion(Picture.of(1, 1, new int[] {0}), "how many?");

    @Test
    void countsEveryQuestionByPhaseAndModel() {
        QueryBudget budget = new QueryBudget();
        ConstantModel rawTarget = new ConstantModel("t", "1");
        ConstantModel rawRef = new ConstantModel("r", "2");
        VisionLanguageModel target = budget.count(rawTarget);
        VisionLanguageModel ref = budget.count(rawRef);
        VisionLanguageModel sameRefAgain = budget.count(rawRef);
        assertThat(target.id()).isEqualTo("t");

        target.answer(Q);
        budget.phase("grpo");
        assertThat(target.answerAll(List.of(Q, Q, Q))).hasSize(3);
        ref.answerAll(List.of(Q, Q));
        budget.phase("discovery");
        sameRefAgain.answer(Q);
        budget.phase("measure");

        List<QueryBudget.Phase> phases = budget.phases();
        assertThat(phases).extracting(QueryBudget.Phase::name).containsExactly("setup", "grpo", "discovery", "measure");
        assertThat(phases.get(0).questions()).containsExactly(entry("t", 1L), entry("r", 0L), entry("r #2", 0L));
        assertThat(phases.get(1).questions()).containsExactly(entry("t", 3L), entry("r", 2L), entry("r #2", 0L));
        assertThat(phases.get(2).of("r #2")).isEqualTo(1);
        assertThat(phases.get(3).questions().values()).containsOnly(0L);
        // The wrapper passes every question on: the models saw exactly what was counted.
        assertThat(rawTarget.calls.get()).isEqualTo(4);
        assertThat(rawRef.calls.get()).isEqualTo(3);
    }

    private static java.util.Map.Entry<String, Long> entry(String k, long v) {
        return java.util.Map.entry(k, v);
    }
}
