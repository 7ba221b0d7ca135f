package org.auditdm.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import org.auditdm.api.VisionLanguageModel;
import org.auditdm.connectors.ChatCompletionsServer;
import org.auditdm.zoo.checkpoint.Checkpoints;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** {@code auditdm audit} with target specs from the config and with a photo folder, on the committed checkpoints. */
@ExtendWith(RepositoryHome.class)
class AuditRealModelsCommandTest {
    @TempDir
    Path dir;

    private static String[] run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new String[] {Integer.toString(code), out.toString(), err.toString()};
    }

    @Test
    void targetsDeclaredInTheConfigAreAuditedOverHttpAndTheirCallsCounted() throws Exception {
        Path home = Path.of("..").toAbsolutePath().normalize();
        try (Checkpoints.Loaded s = Checkpoints.load(home.resolve("models/zoo/S"));
             Checkpoints.Loaded m = Checkpoints.load(home.resolve("models/zoo/M"));
             Checkpoints.Loaded l = Checkpoints.load(home.resolve("models/zoo/L"))) {
            Map<String, VisionLanguageModel> served = new LinkedHashMap<>();
            served.put("S", s.model());
            served.put("M", m.model());
            served.put("L", l.model());
            try (ChatCompletionsServer server = ChatCompletionsServer.start(served, ChatCompletionsServer.Options.defaults())) {
                StringBuilder specs = new StringBuilder();
                for (String n : served.keySet()) {
                    specs.append(specs.length() == 0 ? "" : ", ").append("{\"name\": \"http-").append(n)
                            .append("\", \"kind\": \"openai\", \"model\": \"").append(n).append("\", \"baseUrl\": \"")
                            .append(server.baseUrl()).append("\"}");
                }
                Path config = dir.resolve("targets.json");
                Files.writeString(config, "{\"targets\": [" + specs + "]}");
                Path out = dir.resolve("run");
                String[] r = run("audit", "--config", config.toString(), "--target", "http-S", "--reference",
                        "http-M,http-L", "--steps", "0", "--seeds", "2", "--samples-per-seed", "2", "-o", out.toString());
                assertThat(r[0]).as(r[2]).isEqualTo("0");
                assertThat(r[1]).contains("findings:", "model calls (this invocation", "http-S", "http-M", "http-L",
                        "failures 0");
                assertThat(server.served()).isPositive();
                String calls = Files.readString(out.resolve("calls.json"));
                assertThat(calls).contains("\"targetId\" : \"http-S\"", "\"cacheHits\"");
                assertThat(Files.readString(out.resolve("manifest.json"))).contains("http-S", server.baseUrl());
            }
        }
        String[] unknown = run("audit", "--target", "nobody", "--auditor", "http:gpt", "-o", dir.resolve("x").toString());
        assertThat(unknown[0]).isNotEqualTo("0");
        assertThat(unknown[2]).contains("names no target spec 'gpt'").doesNotContain("Exception");
    }

    @Test
    void aPhotoFolderIsAuditedAndBadFilesAreReportedNotFatal() throws Exception {
        Path photos = Files.createDirectories(dir.resolve("photos"));
        for (int i = 0; i < 2; i++) {
            BufferedImage img = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
            for (int y = 0; y < 80; y++) {
                for (int x = 0; x < 120; x++) {
                    img.setRGB(x, y, (x * 2 + i * 90) % 256 << 16 | y * 3 << 8 | 0x30);
                }
            }
            ImageIO.write(img, "png", photos.resolve("photo" + i + ".png").toFile());
        }
        Files.writeString(photos.resolve("photo0.txt"), "how many circles are there?");
        Files.write(photos.resolve("zero.jpg"), new byte[0]);
        Path out = dir.resolve("photo-run");
        String[] r = run("audit", "--seeds-dir", photos.toString(), "--steps", "0", "--samples-per-seed", "3",
                "-o", out.toString());
        assertThat(r[0]).as(r[2]).isEqualTo("0");
        assertThat(r[2]).contains("photo seeds: 2", "1 file(s) skipped", "zero.jpg: the file is empty (0 bytes)");
        assertThat(r[1]).contains("findings:", "photo seeds have no oracle").doesNotContain("auditor (equal budget)");
        assertThat(out.resolve("findings.jsonl")).exists();
        assertThat(out.resolve("calls.json")).exists();
        assertThat(Files.readString(out.resolve("events.jsonl"))).contains("photo:photo0.png", "how many circles are there?");

        String[] missing = run("audit", "--seeds-dir", dir.resolve("none").toString(), "-o", dir.resolve("m").toString());
        assertThat(missing[0]).isNotEqualTo("0");
        assertThat(missing[2]).contains("seeds folder").contains("does not exist").doesNotContain("Exception");
    }
}
