package org.auditdm.rectify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.auditdm.api.Picture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ExportTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static DataSet data() {
        List<RectificationExample> xs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Picture p = Doubles.picture(i);
            xs.add(new RectificationExample("auditdm-00000" + i, p, p.sha256(), "what colour is the \"star\"?\nreally",
                    i == 0 ? "red" : "3", new Provenance(Source.BOOTSTRAP, "pool-00000" + i, "auditor:rl", null, null,
                    "what colour is the star?"), "blue", List.of("red", "red"), "oracle-secret-" + i));
        }
        return new DataSet("auditdm", Map.of("size", 3), xs);
    }

    private static List<String> fieldNames(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    @Test
    void llavaLinesParseToTheDocumentedConversationSchema(@TempDir Path dir) throws Exception {
        DataSet d = data();
        Path file = Export.write(d, Export.Format.LLAVA, dir);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = JSON.readTree(lines.get(i));
            RectificationExample e = d.examples().get(i);
            assertThat(fieldNames(n)).containsExactly("id", "image", "conversations");
            assertThat(n.get("id").asText()).isEqualTo(e.id());
            JsonNode conv = n.get("conversations");
            assertThat(conv).hasSize(2);
            assertThat(fieldNames(conv.get(0))).containsExactly("from", "value");
            assertThat(conv.get(0).get("from").asText()).isEqualTo("human");
            assertThat(conv.get(0).get("value").asText()).isEqualTo("<image>\n" + e.question());
            assertThat(conv.get(1).get("from").asText()).isEqualTo("gpt");
            assertThat(conv.get(1).get("value").asText()).isEqualTo(e.label());
            Picture back = Picture.decode(Files.readAllBytes(dir.resolve(n.get("image").asText())));
            assertThat(back.sha256()).isEqualTo(e.imageSha());
        }
        assertThat(Files.readString(file)).doesNotContain("oracle-secret");
    }

    @Test
    void openAiLinesParseToTheVisionFineTuningChatSchema(@TempDir Path dir) throws Exception {
        DataSet d = data();
        Path file = Export.write(d, Export.Format.OPENAI, dir);
        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(3);
        for (int i = 0; i < lines.size(); i++) {
            JsonNode n = JSON.readTree(lines.get(i));
            RectificationExample e = d.examples().get(i);
            assertThat(fieldNames(n)).containsExactly("messages");
            JsonNode user = n.get("messages").get(0);
            JsonNode assistant = n.get("messages").get(1);
            assertThat(n.get("messages")).hasSize(2);
            assertThat(user.get("role").asText()).isEqualTo("user");
            assertThat(user.get("content")).hasSize(2);
            assertThat(user.get("content").get(0).get("type").asText()).isEqualTo("text");
            assertThat(user.get("content").get(0).get("text").asText()).isEqualTo(e.question());
            JsonNode image = user.get("content").get(1);
            assertThat(image.get("type").asText()).isEqualTo("image_url");
            String url = image.get("image_url").get("url").asText();
            assertThat(url).startsWith("data:image/png;base64,");
            Picture back = Picture.decode(Base64.getDecoder().decode(url.substring(url.indexOf(',') + 1)));
            assertThat(back.sha256()).isEqualTo(e.imageSha());
            assertThat(assistant.get("role").asText()).isEqualTo("assistant");
            assertThat(assistant.get("content").asText()).isEqualTo(e.label());
            assertThat(Files.exists(dir.resolve("images").resolve(e.imageSha() + ".png"))).isTrue();
        }
        assertThat(Files.readString(file)).doesNotContain("oracle-secret");
    }

    @Test
    void dataSetsRoundTripThroughDisk(@TempDir Path dir) {
        DataSet d = data();
        d.write(dir);
        DataSet back = DataSet.read(dir);
        assertThat(back.name()).isEqualTo("auditdm");
        assertThat(back.examples()).isEqualTo(d.examples());
        assertThatThrownBy(() -> DataSet.read(dir.resolve("missing"))).hasMessageContaining("no rectification data");
        assertThatThrownBy(() -> Export.Format.parse("csv")).hasMessageContaining("llava or openai");
    }
}
