package org.auditdm.world.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import org.auditdm.api.Picture;
import org.auditdm.world.scene.Scene;
import org.auditdm.world.scene.SceneKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalleryTest {
    @Test
    void writesOneReadablePngPerSceneCoveringEveryKind(@TempDir Path dir) throws Exception {
        Gallery.write(dir);
        Set<SceneKind> kinds = Gallery.scenes().values().stream().map(Scene::kind).collect(Collectors.toSet());
        assertThat(kinds).containsExactlyInAnyOrder(SceneKind.values());
        for (String stem : Gallery.scenes().keySet()) {
            Picture p = Picture.decode(Files.readAllBytes(dir.resolve(stem + ".png")));
            assertThat(p.width()).isEqualTo(Gallery.SIDE);
        }
        assertThat(dir.resolve("glyphs.png")).exists();
    }
}
