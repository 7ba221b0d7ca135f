package org.auditdm.rectify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.auditdm.zoo.checkpoint.CheckpointMetadata;
import org.auditdm.zoo.checkpoint.Checkpoints;
import org.auditdm.zoo.checkpoint.Precision;
import org.auditdm.zoo.model.ModelSpec;
import org.auditdm.zoo.model.ZooModel;
import org.auditdm.zoo.train.WorldSource;
import org.auditdm.zoo.vocab.QuestionVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RectifierTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-23T00:00:00Z"), ZoneOffset.UTC);

    private static Path original(Path dir) {
        QuestionVocabulary qv = QuestionVocabulary.build(List.of("how many circles are there", "what colour is the star",
                "is there a red square"), 1, 100);
        try (ZooModel m = ZooModel.initialise("zoo:tiny", ModelSpec.TINY_FILM, qv, WorldSource.answerVocabulary(), 3)) {
            Checkpoints.save(m, dir, Precision.FLOAT32, null, null, null, null, CLOCK);
        }
        return dir;
    }

    private static DataSet data(String name, int from) {
        return DataSet.compose(name, Map.of("test", true),
                List.of(TrainingSample.draw(WorldSource.training(), 6, from)), 6);
    }

    @Test
    void provenanceChainsBackToTheOriginalCheckpointThroughTwoRectifications(@TempDir Path tmp) {
        Path orig = original(tmp.resolve("orig"));
        Rectifier.Options opts = new Rectifier.Options(2, 4, 1e-3, 0.5, 1);
        Rectifier.Result first = Rectifier.rectify(orig, data("auditdm", 1), WorldSource.training(), opts,
                tmp.resolve("r1"), "audit-test1", p -> { });
        CheckpointMetadata origMeta = Checkpoints.readMetadata(orig);
        assertThat(first.metadata().parent().id()).isEqualTo(origMeta.id());
        assertThat(first.metadata().parent().parameterChecksum()).isEqualTo(origMeta.parameterChecksum());
        assertThat(first.metadata().parameterChecksum()).isNotEqualTo(origMeta.parameterChecksum());
        assertThat(first.metadata().dataRecipe().itemCount()).isEqualTo(6);
        assertThat(first.metadata().dataRecipe().replayFraction()).isEqualTo(0.5);

        Rectifier.Result second = Rectifier.rectify(tmp.resolve("r1"), data("auditdm", 2), WorldSource.training(),
                opts, tmp.resolve("r2"), "audit-test2", p -> { });
        List<CheckpointMetadata> chain = Rectifier.chainTo(tmp.resolve("r2"), orig);
        assertThat(chain).extracting(CheckpointMetadata::id)
                .containsExactly(second.metadata().id(), first.metadata().id(), origMeta.id());
        assertThat(Checkpoints.provenance(tmp.resolve("r2"))).extracting(CheckpointMetadata::parameterChecksum)
                .endsWith(origMeta.parameterChecksum());
        Map<?, ?> recipe = readRecipe(tmp.resolve("r2"));
        assertThat(recipe.get("runId")).isEqualTo("audit-test2");
        assertThat(recipe.get("dataSet")).isEqualTo("auditdm");
        assertThat(((Map<?, ?>) recipe.get("parent")).get("id")).isEqualTo(first.metadata().id());

        // Another checkpoint does not descend from the original.
        Path other = original(tmp.resolve("other"));
        assertThatThrownBy(() -> Rectifier.chainTo(other, tmp.resolve("r1")))
                .hasMessageContaining("does not descend");
        // Re-running with the same data returns the finished checkpoint; other data is refused.
        assertThat(Rectifier.rectify(tmp.resolve("r1"), data("auditdm", 2), WorldSource.training(), opts,
                tmp.resolve("r2"), "audit-test2", p -> { }).metadata().id()).isEqualTo(second.metadata().id());
        assertThatThrownBy(() -> Rectifier.rectify(tmp.resolve("r1"), data("auditdm", 9), WorldSource.training(),
                opts, tmp.resolve("r2"), "audit-test2", p -> { })).hasMessageContaining("other data");

        // A study that owns the directory sets a fine-tune from other data aside instead, losing nothing.
        assertThat(Rectifier.setAsideIfFromOtherData(tmp.resolve("r2"), data("auditdm", 2))).isNull();
        Path aside = Rectifier.setAsideIfFromOtherData(tmp.resolve("r2"), data("auditdm", 9));
        assertThat(aside.getFileName().toString()).isEqualTo("r2.replaced-" + second.metadata().id());
        assertThat(tmp.resolve("r2")).doesNotExist();
        assertThat(Checkpoints.provenance(aside).get(0).id()).isEqualTo(second.metadata().id());
        assertThat(Rectifier.setAsideIfFromOtherData(tmp.resolve("r2"), data("auditdm", 9))).isNull();
    }

    private static Map<?, ?> readRecipe(Path dir) {
        try {
            return DataSet.JSON.readValue(dir.resolve(Rectifier.RECIPE).toFile(), Map.class);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void optionsAreValidated() {
        assertThatThrownBy(() -> new Rectifier.Options(0, 64, 1e-3, 0.5, 1)).hasMessageContaining("positive");
        assertThatThrownBy(() -> new Rectifier.Options(10, 64, 1e-3, 1.0, 1)).hasMessageContaining("replay");
        assertThat(Rectifier.Options.defaults(1).replayFraction()).isEqualTo(0.5);
        assertThatThrownBy(() -> Rectifier.rectify(Path.of("x"), new DataSet("e", Map.of(), List.of()), null,
                Rectifier.Options.defaults(1), Path.of("y"), "r", p -> { })).hasMessageContaining("empty");
    }
}
