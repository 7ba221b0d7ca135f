package org.auditdm.failures;

import dev.langchain4j.data.embedding.Embedding;
import dev.langchain4j.data.segment.TextSegment;
import dev.langchain4j.model.embedding.EmbeddingModel;
import dev.langchain4j.model.embedding.onnx.allminilml6v2.AllMiniLmL6V2EmbeddingModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * all-MiniLM-L6-v2 sentence embeddings, in process through LangChain4j's ONNX runtime (the model ships
 * inside its jar: no download). Each distinct text is embedded once; values are rounded to 1e-5 so that
 * tiny floating-point differences between thread schedules cannot change a clustering.
 */
public final class MiniLmEmbedder implements TextEmbedder {
    private static final int BATCH = 64;
    private final EmbeddingModel model = new AllMiniLmL6V2EmbeddingModel();
    private final Map<String, float[]> cache = new HashMap<>();

    @Override
    public synchronized List<float[]> embed(List<String> texts) {
        List<String> missing = texts.stream().distinct().filter(t -> !cache.containsKey(t)).sorted().toList();
        for (int i = 0; i < missing.size(); i += BATCH) {
            List<String> chunk = missing.subList(i, Math.min(missing.size(), i + BATCH));
            List<TextSegment> segments = chunk.stream().map(TextSegment::from).toList();
            List<Embedding> out = model.embedAll(segments).content();
            for (int j = 0; j < chunk.size(); j++) {
                cache.put(chunk.get(j), round(out.get(j).vector()));
            }
        }
        List<float[]> result = new ArrayList<>(texts.size());
        for (String t : texts) {
            result.add(cache.get(t).clone());
        }
        return result;
    }

    private static float[] round(float[] v) {
        double norm = 0;
        for (float x : v) {
            norm += x * x;
        }
        norm = Math.sqrt(norm);
        float[] out = new float[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = (float) (Math.round(v[i] / norm * 1e5) / 1e5);
        }
        return out;
    }
}
