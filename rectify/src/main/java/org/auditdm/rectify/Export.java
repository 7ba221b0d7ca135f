package org.auditdm.rectify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Locale;

/**
 * Writes rectification data for fine-tuning real VLMs.
 *
 * <ul>
 *   <li>{@link Format#LLAVA}: {@code llava.jsonl}, one line per example,
 *       {@code {"id", "image": "images/SHA.png", "conversations": [{"from": "human", "value":
 *       "<image>\nQUESTION"}, {"from": "gpt", "value": "LABEL"}]}}.
 *   <li>{@link Format#OPENAI}: {@code openai.jsonl}, the OpenAI vision fine-tuning chat format,
 *       {@code {"messages": [{"role": "user", "content": [{"type": "text", "text": QUESTION},
 *       {"type": "image_url", "image_url": {"url": "data:image/png;base64,..."}}]},
 *       {"role": "assistant", "content": LABEL}]}}.
 * </ul>
 *
 * Both write the pictures as {@code images/SHA256.png} beside the JSONL file. Only the label is
 * exported as the answer; the oracle's answer is never written.
 */
public final class Export {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** An export format. */
    public enum Format {
        LLAVA("llava.jsonl"), OPENAI("openai.jsonl");

        private final String fileName;

        Format(String fileName) {
            this.fileName = fileName;
        }

        public String fileName() {
            return fileName;
        }

        /** "llava" or "openai" (case-insensitive). */
        public static Format parse(String s) {
            return switch (s.trim().toLowerCase(Locale.ROOT)) {
                case "llava" -> LLAVA;
                case "openai" -> OPENAI;
                default -> throw new IllegalArgumentException("unknown export format '" + s + "' (expected llava or openai)");
            };
        }
    }

    private Export() {
    }

    /** Writes {@code data} in {@code format} under {@code dir}; returns the JSONL file. */
    public static Path write(DataSet data, Format format, Path dir) {
        Path file = dir.resolve(format.fileName());
        try {
            Files.createDirectories(dir.resolve(DataSet.IMAGES));
            try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (RectificationExample e : data.examples()) {
                    byte[] png = e.image().toPng();
                    String rel = DataSet.IMAGES + "/" + e.imageSha() + ".png";
                    Path img = dir.resolve(rel);
                    if (!Files.exists(img)) {
                        Files.write(img, png);
                    }
                    ObjectNode line = format == Format.LLAVA ? llava(e, rel) : openai(e, png);
                    w.write(JSON.writeValueAsString(line));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot export to " + dir, e);
        }
        return file;
    }

    static ObjectNode llava(RectificationExample e, String imagePath) {
        ObjectNode n = JSON.createObjectNode();
        n.put("id", e.id());
        n.put("image", imagePath);
        ArrayNode conv = n.putArray("conversations");
        conv.addObject().put("from", "human").put("value", "<image>\n" + e.question());
        conv.addObject().put("from", "gpt").put("value", e.label());
        return n;
    }

    static ObjectNode openai(RectificationExample e, byte[] png) {
        ObjectNode n = JSON.createObjectNode();
        ArrayNode messages = n.putArray("messages");
        ObjectNode user = messages.addObject();
        user.put("role", "user");
        ArrayNode content = user.putArray("content");
        content.addObject().put("type", "text").put("text", e.question());
        ObjectNode image = content.addObject();
        image.put("type", "image_url");
        image.putObject("image_url").put("url", "data:image/png;base64," + Base64.getEncoder().encodeToString(png));
        messages.addObject().put("role", "assistant").put("content", e.label());
        return n;
    }
}
