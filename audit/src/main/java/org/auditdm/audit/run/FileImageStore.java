package org.auditdm.audit.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.regex.Pattern;
import org.auditdm.api.ImageStore;
import org.auditdm.api.Picture;

/**
 * Pictures as PNG files named by their content hash, {@code ab/<sha256>.png} under a root (two-letter
 * fan-out keeps directories small). Writes go to a temporary file and are moved into place
 * atomically, so a file that exists is complete; storing the same picture twice is a no-op. Reads
 * check the hash, so a damaged file is reported, never silently used.
 */
public final class FileImageStore implements ImageStore {
    private static final Pattern SHA = Pattern.compile("[0-9a-f]{64}");
    private final Path root;

    public FileImageStore(Path root) {
        this.root = root;
    }

    public Path root() {
        return root;
    }

    /** Where a hash's file lives (whether or not it exists). */
    public Path path(String sha256) {
        if (sha256 == null || !SHA.matcher(sha256).matches()) {
            throw new IllegalArgumentException("not a SHA-256 hex digest: " + sha256);
        }
        return root.resolve(sha256.substring(0, 2)).resolve(sha256 + ".png");
    }

    @Override
    public String put(Picture picture) {
        String sha = picture.sha256();
        Path target = path(sha);
        if (Files.exists(target)) {
            return sha;
        }
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), sha.substring(0, 8), ".tmp");
            try {
                Files.write(tmp, picture.toPng());
                try {
                    Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
            return sha;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot store image " + sha + " under " + root, e);
        }
    }

    @Override
    public Picture get(String sha256) {
        Path p = path(sha256);
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(p);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("no image " + sha256 + " in " + root);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read image " + p, e);
        }
        Picture pic = Picture.decode(bytes);
        if (!pic.sha256().equals(sha256)) {
            throw new IllegalArgumentException("image file " + p + " is damaged: its pixels hash to " + pic.sha256());
        }
        return pic;
    }

    public boolean contains(String sha256) {
        return Files.exists(path(sha256));
    }
}
