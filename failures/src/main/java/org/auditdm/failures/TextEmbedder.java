package org.auditdm.failures;

import java.util.List;

/** Sentence embeddings for clustering the text of findings. */
public interface TextEmbedder {
    /** One unit-length vector per text, all of the same dimension. */
    List<float[]> embed(List<String> texts);
}
