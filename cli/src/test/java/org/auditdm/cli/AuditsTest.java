package org.auditdm.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import org.auditdm.api.Answer;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.api.VisualQuestion;
import org.auditdm.audit.loop.AuditRunner;
import org.auditdm.failures.FailureTypes;
import org.auditdm.report.RunDiff;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The Java entry point, as a service or a JUnit test uses it: a model of one's own audited against R1 and R2. */
@ExtendWith(RepositoryHome.class)
class AuditsTest {
    @TempDir
    Path dir;

    /** A deliberately broken test double: answers "1" to everything. */
    private static class AlwaysOne implements VisionLanguageModel {
        @Override
        public String id() {
            return "java:always-one";
        }

        @Override
        public Answer answer(VisualQuestion question) {
            return Answer.of("1");
        }
    }

    @Test
    void auditsAJavaModelNamesItsFailureTypesAndGatesOnThem() {
        VisionLanguageModel model = new AlwaysOne();
        Path out = dir.resolve("candidate");
        AuditRunner.Summary s = Audits.audit(Map.of("references", "R1,R2", "seeds", "8", "steps", "2",
                "samplesPerSeed", "2", "output", out.toString()), model);
        assertThat(s.findings()).isPositive();
        assertThat(s.targetId()).isEqualTo("java:always-one");
        assertThat(s.measures()).containsKey("auditor:rl");
        assertThat(out.resolve("manifest.json")).content().contains("\"java:always-one\" : \"java:java:always-one\"");

        FailureTypes types = Audits.failureTypes(out, model);
        assertThat(types.target()).isEqualTo("java:always-one");
        assertThat(out.resolve(FailureTypes.FILE)).exists();
        assertThat(Audits.readFailureTypes(out).types()).hasSameSizeAs(types.types());
        // A run compared with itself passes the CI gate.
        RunDiff diff = RunDiff.between(Audits.readFailureTypes(out), types);
        assertThat(diff.violations(EnumSet.of(RunDiff.Gate.NEW, RunDiff.Gate.WORSE))).isEmpty();

        assertThatThrownBy(() -> Audits.failureTypes(out, new AlwaysOne() {
            @Override
            public String id() {
                return "java:other";
            }
        })).hasMessageContaining("audited 'java:always-one', not 'java:other'");
        assertThat(Files.exists(out.resolve("queries.json"))).isTrue();
    }
}
