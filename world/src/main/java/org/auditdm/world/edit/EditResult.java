package org.auditdm.world.edit;

import java.util.List;
import java.util.Objects;
import org.auditdm.world.scene.Scene;

/** The scene after an edit and exactly what changed; no changes means the edit was a no-op. */
public record EditResult(Scene scene, List<Change> changes) {
    public EditResult {
        Objects.requireNonNull(scene, "scene");
        changes = List.copyOf(changes);
    }

    public boolean changed() {
        return !changes.isEmpty();
    }

    /** One line per change, or the single line "no change". */
    public List<String> lines() {
        return changes.isEmpty() ? List.of("no change") : changes.stream().map(Change::text).toList();
    }
}
