package org.auditdm.audit.probe;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.auditdm.api.ImageStore;
import org.auditdm.api.Picture;

/** Pictures kept in memory by content hash: for RL steps whose images need not be kept on disk. */
public final class MemoryImageStore implements ImageStore {
    private final Map<String, Picture> pictures = new ConcurrentHashMap<>();

    @Override
    public String put(Picture picture) {
        String sha = picture.sha256();
        pictures.putIfAbsent(sha, picture);
        return sha;
    }

    @Override
    public Picture get(String sha256) {
        Picture p = pictures.get(sha256);
        if (p == null) {
            throw new IllegalArgumentException("no image " + sha256 + " in the store");
        }
        return p;
    }

    public int size() {
        return pictures.size();
    }
}
