package org.auditdm.rectify;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.auditdm.api.Finding;
import org.auditdm.audit.run.FileImageStore;
import org.auditdm.audit.run.RunDirectory;
import org.auditdm.audit.run.RunJson;

/**
 * A finished audit run's findings as rectification data: each finding's (image, question) is asked
 * again to the reference ensemble in use (so every label comes from the same ensemble, even when the
 * run was judged by older checkpoints) and labelled by its consensus. Reads the run directory, never
 * writes to it.
 */
public final class FindingsData {
    private FindingsData() {
    }

    /** The findings of {@code runDir} ({@code findings.jsonl}), in file order. */
    public static List<Finding> read(Path runDir) {
        Path file = runDir.resolve(RunDirectory.FINDINGS);
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("no findings in " + runDir + " (" + file.getFileName()
                    + " missing: is it an audit run directory?)");
        }
        List<Finding> out = new ArrayList<>();
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).isBlank()) {
                    continue;
                }
                try {
                    out.add(RunJson.mapper().readValue(lines.get(i), Finding.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(file + " line " + (i + 1) + " is not a finding: "
                            + e.getOriginalMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return out;
    }

    /** The findings as unlabelled candidates (their stored consensus is not used). */
    public static List<Candidate> candidates(Path runDir, List<Finding> findings) {
        FileImageStore images = new FileImageStore(runDir.resolve(RunDirectory.IMAGES));
        List<Candidate> out = new ArrayList<>(findings.size());
        for (Finding f : findings) {
            out.add(new Candidate(images.get(f.probe().imageSha()), f.probe().question(),
                    new Provenance(Source.FINDING, f.probe().seedId(), "auditor:rl", null, f.id(),
                            f.probe().auditorText()),
                    f.targetAnswer(), f.oracleAnswer()));
        }
        return out;
    }

    /** Labels up to {@code max} of a run's findings (in order, batched) with {@code labeler}. */
    public static List<RectificationExample> build(Path runDir, ConsensusLabeler labeler, int max) {
        List<Finding> findings = read(runDir);
        List<Candidate> candidates = candidates(runDir, findings);
        List<RectificationExample> out = new ArrayList<>();
        for (int from = 0; from < candidates.size() && out.size() < max; from += 256) {
            for (RectificationExample e : labeler.label(candidates.subList(from, Math.min(candidates.size(), from + 256)),
                    "finding")) {
                if (out.size() < max) {
                    out.add(e);
                }
            }
        }
        return out;
    }
}
