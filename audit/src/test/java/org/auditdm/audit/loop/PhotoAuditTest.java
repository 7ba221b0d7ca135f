package org.auditdm.audit.loop;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.auditdm.api.Finding;
import org.auditdm.audit.config.AuditConfigLoader;
import org.auditdm.audit.photo.PhotoFolder;
import org.auditdm.audit.photo.PhotoSupport;
import org.auditdm.audit.policy.AuditorPolicy;
import org.auditdm.audit.policy.PolicySpec;
import org.auditdm.audit.policy.TextVocabulary;
import org.auditdm.audit.run.Evaluated;
import org.auditdm.audit.run.RunDirectory;
import org.auditdm.audit.run.RunEvent;
import org.auditdm.world.question.AnswerSpace;
import org.auditdm.zoo.model.ModelSpec;
import org.auditdm.zoo.model.ZooModel;
import org.auditdm.zoo.vocab.AnswerVocabulary;
import org.auditdm.zoo.vocab.QuestionVocabulary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An audit on a photo folder: bad files skipped, photo probes built, findings without an oracle, no measurements. */
class PhotoAuditTest {
    @TempDir
    Path tmp;

    @Test
    void photosAreAuditedOnConsensusAlone() throws Exception {
        Path photos = Files.createDirectories(tmp.resolve("photos"));
        for (int i = 0; i < 3; i++) {
            BufferedImage img = new BufferedImage(90 + 20 * i, 70, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 70; y++) {
                for (int x = 0; x < img.getWidth(); x++) {
                    img.setRGB(x, y, ((x * 7 + i * 50) & 0xFF) << 16 | ((y * 3) & 0xFF) << 8 | 0x80);
                }
            }
            ImageIO.write(img, i == 1 ? "jpg" : "png", photos.resolve("p" + i + (i == 1 ? ".jpg" : ".png")).toFile());
        }
        Files.writeString(photos.resolve("p0.txt"), "what colour is the sky?");
        Files.write(photos.resolve("broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 13, 10, 26, 10, 0, 0});
        PhotoFolder.Loaded folder = PhotoFolder.load(photos, 64, null);
        assertThat(folder.seeds()).hasSize(3);
        assertThat(folder.problems()).extracting(PhotoFolder.Problem::file).containsExactly("broken.png");

        QuestionVocabulary q = QuestionVocabulary.build(List.of("what colour is the star?", "how many red circles are there?",
                "is there a small blue square?", "what does the sign say?", "what time does the clock show?"), 1, 4096);
        AnswerVocabulary a = new AnswerVocabulary(AnswerSpace.answers());
        try (ZooModel target = ZooModel.initialise("tiny:target", ModelSpec.TINY_FILM, q, a, 1);
             ZooModel ref = ZooModel.initialise("tiny:ref", ModelSpec.TINY_FILM, q, a, 2);
             ZooModel ref2 = ZooModel.initialise("tiny:ref2", ModelSpec.TINY_FILM, q, a, 2);
             AuditorPolicy base = AuditorPolicy.create(PolicySpec.tiny(), TextVocabulary.world(200, 1), 3)) {
            var config = AuditConfigLoader.load(null, Map.of("steps", "0", "samplesPerSeed", "6",
                    "output", tmp.resolve("run").toString(), "seedsDir", photos.toString()));
            List<String> phases = new ArrayList<>();
            AuditRunner.Summary s = new AuditRunner(config, new AuditRunner.Models(target, List.of(ref, ref2), Map.of()),
                    base, null, Clock.systemUTC(), tmp).withPhotos(folder, PhotoSupport.of(folder, null))
                    .run(new AuditRunner.Listener() {
                        @Override
                        public void phase(String name) {
                            phases.add(name);
                        }
                    });
            assertThat(phases).containsExactly("rl", "discovery");
            assertThat(s.measures()).isEmpty();
            assertThat(tmp.resolve("run").resolve("measures.json")).doesNotExist();
            try (RunDirectory rd = RunDirectory.resume(tmp.resolve("run"), Clock.systemUTC())) {
                List<Evaluated> probes = new ArrayList<>();
                for (RunEvent e : rd.committedEvents()) {
                    if (e instanceof RunEvent.ProbeEvaluated p) {
                        probes.add(p.evaluated());
                    }
                }
                assertThat(probes).isNotEmpty().allMatch(e -> e.seedId().startsWith("photo:"));
                // EDIT texts on photos are photo edits (the policy writes world edits); they apply.
                assertThat(probes).filteredOn(e -> e.imageText() == null && e.text().mode().word().equals("edit"))
                        .isNotEmpty().allMatch(e -> e.status() == Evaluated.Status.VALID);
                assertThat(probes).filteredOn(e -> e.imageText() == null && e.text().mode().word().equals("caption"))
                        .allMatch(e -> e.reason().contains("CAPTION mode is unsupported on photo seeds"));
                List<Finding> findings = rd.findings();
                assertThat(findings).allMatch(f -> f.oracleAnswer() == null);
                for (Finding f : findings) {
                    assertThat(rd.images().get(f.probe().imageSha())).isNotNull();
                }
            }
        }
    }
}
