package org.auditdm.cli;

import java.nio.file.Path;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Points {@code auditdm.home} at the repository root for a test class, so zoo presets and the base auditor
 * resolve to the committed checkpoints (tests run in {@code cli/}); {@code @ExtendWith(RepositoryHome.class)}.
 */
final class RepositoryHome implements BeforeAllCallback, AfterAllCallback {
    @Override
    public void beforeAll(ExtensionContext context) {
        System.setProperty("auditdm.home", Path.of("..").toAbsolutePath().normalize().toString());
    }

    @Override
    public void afterAll(ExtensionContext context) {
        System.clearProperty("auditdm.home");
    }
}
