package org.auditdm.connectors;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Objects;
import org.auditdm.api.Answer;

/**
 * One cached answer as stored on disk.
 *
 * @param key the cache key
 * @param target the target's id
 * @param image the image's SHA-256
 * @param question the question
 * @param answer the answer text
 * @param probability the model's probability, or null when unknown
 */
record CacheEntry(String key, String target, String image, String question, String answer, Double probability) {
    static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    CacheEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(answer, "answer");
    }

    static CacheEntry of(String key, String target, String image, String question, Answer a) {
        return new CacheEntry(key, target, image, question, a.text(),
                Double.isNaN(a.probability()) ? null : a.probability());
    }

    Answer toAnswer() {
        return new Answer(answer, probability == null ? Double.NaN : probability);
    }
}
