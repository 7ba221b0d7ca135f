package org.auditdm.api;

/** Content-addressed pictures: images travel through the pipeline as SHA-256 hashes. */
public interface ImageStore {
    /** Stores a picture (idempotently) and returns its {@link Picture#sha256()}. */
    String put(Picture picture);

    /** The picture with this hash; {@link IllegalArgumentException} if unknown. */
    Picture get(String sha256);
}
