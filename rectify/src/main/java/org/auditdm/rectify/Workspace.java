package org.auditdm.rectify;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.auditdm.api.NormalizingJudge;
import org.auditdm.api.ReferenceEnsemble;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.audit.loop.AuditRunner;
import org.auditdm.audit.policy.PolicyAuditor;
import org.auditdm.audit.policy.PolicyCheckpoint;
import org.auditdm.audit.run.CallPolicy;
import org.auditdm.audit.run.Judging;
import org.auditdm.audit.run.ModelCaller;
import org.auditdm.audit.run.RunDirectory;
import org.auditdm.zoo.checkpoint.Checkpoints;

/**
 * The models a rectification needs, loaded from checkpoints: the target, the reference ensemble and
 * the auditor checkpoints (base, and the run's RL auditor when it has one). Closing it closes them.
 *
 * @param runDir the audit run
 * @param targetDir the target's checkpoint (the parent of the rectified model)
 * @param referenceDirs reference name to checkpoint, in ensemble order
 */
public record Workspace(Path runDir, String runId, Path targetDir, Checkpoints.Loaded target,
                        Map<String, Path> referenceDirs, List<Checkpoints.Loaded> references, Judging judging,
                        PolicyAuditor baseAuditor, PolicyAuditor rlAuditor, List<AutoCloseable> owned)
        implements AutoCloseable {

    /**
     * Loads everything.
     *
     * @param baseAuditorDir the base auditor checkpoint (models/auditor/base)
     */
    public static Workspace open(Path runDir, Path targetDir, Map<String, Path> referenceDirs, Path baseAuditorDir) {
        if (!Files.isDirectory(runDir)) {
            throw new IllegalArgumentException("run directory not found: " + runDir);
        }
        String runId = RunDirectory.readManifest(runDir).runId();
        List<AutoCloseable> owned = new ArrayList<>();
        try {
            Checkpoints.Loaded target = Checkpoints.load(targetDir);
            owned.add(target);
            List<Checkpoints.Loaded> refs = new ArrayList<>();
            for (Path p : referenceDirs.values()) {
                Checkpoints.Loaded l = Checkpoints.load(p);
                owned.add(l);
                refs.add(l);
            }
            ReferenceEnsemble ensemble = new ReferenceEnsemble(
                    refs.stream().map(r -> (VisionLanguageModel) r.model()).toList(), new NormalizingJudge());
            ModelCaller caller = new ModelCaller(CallPolicy.defaults());
            owned.add(caller);
            Judging judging = new Judging(target.model(), ensemble, caller);
            PolicyCheckpoint.Loaded base = PolicyCheckpoint.load(baseAuditorDir);
            owned.add(base);
            PolicyAuditor rl = null;
            if (Files.isDirectory(AuditRunner.rlAuditorDir(runDir))) {
                PolicyCheckpoint.Loaded l = PolicyCheckpoint.load(AuditRunner.rlAuditorDir(runDir));
                owned.add(l);
                rl = new PolicyAuditor("auditor:rl", l.policy(), 1.0);
            }
            return new Workspace(runDir, runId, targetDir, target, new LinkedHashMap<>(referenceDirs), refs, judging,
                    new PolicyAuditor("auditor:base", base.policy(), 1.0), rl, owned);
        } catch (RuntimeException e) {
            closeAll(owned);
            throw e;
        }
    }

    /** The auditors bootstrap samples: base and, when the run has one, RL. */
    public List<PolicyAuditor> auditors() {
        return rlAuditor == null ? List.of(baseAuditor) : List.of(baseAuditor, rlAuditor);
    }

    @Override
    public void close() {
        closeAll(owned);
    }

    private static void closeAll(List<AutoCloseable> xs) {
        for (int i = xs.size() - 1; i >= 0; i--) {
            try {
                xs.get(i).close();
            } catch (Exception ignored) {
                // closing native models: nothing useful to do on failure
            }
        }
    }
}
