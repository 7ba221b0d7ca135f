package org.auditdm.zoo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.auditdm.zoo.checkpoint.CheckpointMetadata;
import org.auditdm.zoo.checkpoint.Checkpoints;
import org.auditdm.zoo.checkpoint.ParameterFile;
import org.auditdm.zoo.checkpoint.Precision;
import org.auditdm.zoo.model.ModelSpec;
import org.auditdm.zoo.model.ZooModel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-02T03:04:05Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    private static void assertSameValues(List<float[]> a, List<float[]> b) {
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < a.size(); i++) {
            int[] x = new int[a.get(i).length];
            int[] y = new int[b.get(i).length];
            for (int k = 0; k < x.length; k++) {
                x[k] = Float.floatToRawIntBits(a.get(i)[k]);
                y[k] = Float.floatToRawIntBits(b.get(i)[k]);
            }
            assertThat(y).as("tensor " + i).isEqualTo(x);
        }
    }

    @Test
    void saveLoadRoundTripIsBitwiseExactForBothFamilies() {
        for (ModelSpec spec : List.of(ModelSpec.TINY_FILM, ModelSpec.TINY_TRANSFORMER)) {
            Path dir = tmp.resolve(spec.name());
            try (ZooModel m = ZooModel.initialise("t", spec, ZooModelTest.QV, ToySquares.ANSWERS, 9)) {
                CheckpointMetadata meta = Checkpoints.save(m, dir, Precision.FLOAT32, null, null, null, null, CLOCK);
                assertThat(meta.createdAt()).isEqualTo("2026-01-02T03:04:05Z");
                assertThat(meta.parameterCount()).isEqualTo(m.parameterCount());
                try (Checkpoints.Loaded loaded = Checkpoints.load(dir)) {
                    assertSameValues(m.parameters().values(), loaded.model().parameters().values());
                    assertThat(loaded.metadata()).isEqualTo(meta);
                    assertThat(loaded.model().questionVocabulary()).isEqualTo(m.questionVocabulary());
                    assertThat(loaded.model().answerVocabulary()).isEqualTo(m.answerVocabulary());
                    var qs = ZooModelTest.randomQuestions(8, 1);
                    assertThat(loaded.model().answerAll(qs)).isEqualTo(m.answerAll(qs));
                }
            }
        }
    }

    @Test
    void float16CheckpointsHalveTheSizeAndReloadStably() throws IOException {
        Path dir32 = tmp.resolve("f32");
        Path dir16 = tmp.resolve("f16");
        try (ZooModel m = ZooModel.initialise("t", ModelSpec.TINY_FILM, ZooModelTest.QV, ToySquares.ANSWERS, 9)) {
            Checkpoints.save(m, dir32, Precision.FLOAT32, null, null, null, null, CLOCK);
        }
        CheckpointMetadata meta16 = Checkpoints.export(dir32, dir16, Precision.FLOAT16, CLOCK);
        assertThat(meta16.precision()).isEqualTo(Precision.FLOAT16);
        assertThat(meta16.parent().id()).isEqualTo(Checkpoints.readMetadata(dir32).id());
        long s32 = Files.size(dir32.resolve(Checkpoints.PARAMS));
        long s16 = Files.size(dir16.resolve(Checkpoints.PARAMS));
        assertThat((double) s16 / s32).isBetween(0.45, 0.55);
        try (Checkpoints.Loaded a = Checkpoints.load(dir32); Checkpoints.Loaded b = Checkpoints.load(dir16)) {
            List<float[]> full = a.model().parameters().values();
            List<float[]> half = b.model().parameters().values();
            for (int i = 0; i < full.size(); i++) {
                assertThat(half.get(i)).isEqualTo(ParameterFile.rounded(full.get(i), Precision.FLOAT16));
                for (int k = 0; k < full.get(i).length; k++) {
                    assertThat(Math.abs(half.get(i)[k] - full.get(i)[k]))
                            .isLessThanOrEqualTo(Math.abs(full.get(i)[k]) / 1024 + 1e-7f);
                }
            }
            // Saving the loaded float16 model again reproduces the same checksum.
            Checkpoints.save(b.model(), tmp.resolve("again"), Precision.FLOAT16, null, null, null, null, CLOCK);
            assertThat(Checkpoints.readMetadata(tmp.resolve("again")).parameterChecksum())
                    .isEqualTo(meta16.parameterChecksum());
        }
    }

    @Test
    void detectsTamperedTruncatedAndMissingFiles() throws IOException {
        Path dir = tmp.resolve("c");
        try (ZooModel m = ZooModel.initialise("t", ModelSpec.TINY_FILM, ZooModelTest.QV, ToySquares.ANSWERS, 9)) {
            Checkpoints.save(m, dir, Precision.FLOAT32, null, null, null, null, CLOCK);
        }
        Path params = dir.resolve(Checkpoints.PARAMS);
        byte[] good = Files.readAllBytes(params);
        byte[] bad = good.clone();
        bad[bad.length - 3] ^= 0x10;
        Files.write(params, bad);
        assertThatThrownBy(() -> Checkpoints.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("checksum mismatch");
        Files.write(params, Arrays.copyOf(good, good.length - 100));
        assertThatThrownBy(() -> Checkpoints.load(dir)).hasMessageContaining("truncated");
        Files.delete(params);
        assertThatThrownBy(() -> Checkpoints.load(dir)).hasMessageContaining("missing").hasMessageContaining("params");
        Files.write(params, good);
        Files.writeString(dir.resolve(Checkpoints.METADATA), "{not json");
        assertThatThrownBy(() -> Checkpoints.load(dir)).hasMessageContaining("malformed checkpoint metadata");
        assertThatThrownBy(() -> Checkpoints.load(tmp.resolve("nowhere"))).hasMessageContaining("not found");
    }

    @Test
    void aCheckpointOfTheFirstFormatAsksToBeRetrained() throws IOException {
        Path dir = tmp.resolve("old");
        try (ZooModel m = ZooModel.initialise("t", ModelSpec.TINY_FILM, ZooModelTest.QV, ToySquares.ANSWERS, 9)) {
            Checkpoints.save(m, dir, Precision.FLOAT32, null, null, null, null, CLOCK);
        }
        Path meta = dir.resolve(Checkpoints.METADATA);
        Files.writeString(meta, Files.readString(meta).replaceFirst("\"formatVersion\"\\s*:\\s*2", "\"formatVersion\" : 1"));
        assertThatThrownBy(() -> Checkpoints.load(dir)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("format 1").hasMessageContaining("auditdm zoo train");
    }
}
