package org.auditdm.world.scene;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** Reads and writes scenes as JSON, with errors that name the problem and where it is. */
public final class SceneJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private SceneJson() {
    }

    /** The mapper configured for scene types; shared because it is thread-safe once built. */
    public static ObjectMapper mapper() {
        return MAPPER;
    }

    public static String write(Scene scene) {
        try {
            return MAPPER.writeValueAsString(scene);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String writePretty(Scene scene) {
        try {
            return MAPPER.writerWithDefaultPrettyPrinter().writeValueAsString(scene);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Parses a scene.
     *
     * @throws IllegalArgumentException naming the problem, with line and column, for malformed JSON,
     *     unknown fields, bad values or violated limits
     */
    public static Scene read(String json) {
        if (json == null || json.isBlank()) {
            throw new IllegalArgumentException("scene JSON is empty");
        }
        try {
            return MAPPER.readValue(json, Scene.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid scene JSON: " + describe(e), e);
        }
    }

    private static String describe(JsonProcessingException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String what = root instanceof IllegalArgumentException ? root.getMessage() : e.getOriginalMessage();
        JsonLocation loc = e.getLocation();
        String where = loc == null ? "" : " (line " + loc.getLineNr() + ", column " + loc.getColumnNr() + ")";
        String path = "";
        if (e instanceof com.fasterxml.jackson.databind.JsonMappingException m && !m.getPath().isEmpty()) {
            StringBuilder sb = new StringBuilder();
            for (var ref : m.getPath()) {
                if (ref.getFieldName() != null) {
                    sb.append(sb.length() == 0 ? "" : ".").append(ref.getFieldName());
                } else if (ref.getIndex() >= 0) {
                    sb.append('[').append(ref.getIndex()).append(']');
                }
            }
            path = " at " + sb;
        }
        return what + path + where;
    }
}
