package org.auditdm.failures;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a failure type is: the facets every member has. A probe belongs to the type when its facets
 * include all of them. The id is a hash of the sorted facets, so the same definition gets the same id
 * in every run (which is what makes diffs between runs possible).
 *
 * @param facets sorted, distinct, at least one
 */
public record TypeDefinition(List<Facet> facets) {
    public TypeDefinition {
        Objects.requireNonNull(facets, "facets");
        if (facets.isEmpty()) {
            throw new IllegalArgumentException("a failure type needs at least one facet");
        }
        facets = List.copyOf(new TreeSet<>(facets));
    }

    /** "ft-" and the first 10 hex digits of the SHA-256 of the sorted facets. */
    @JsonIgnore
    public String id() {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] digest = sha.digest(String.join("\n", facets.stream().map(Facet::toString).toList())
                    .getBytes(StandardCharsets.UTF_8));
            return "ft-" + HexFormat.of().formatHex(digest).substring(0, 10);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether a probe with these facets belongs to the type. */
    public boolean matches(Set<Facet> probeFacets) {
        return probeFacets.containsAll(facets);
    }

    /** The value of a facet key in the definition, or null. */
    public String value(String key) {
        return facets.stream().filter(f -> f.key().equals(key)).map(Facet::value).findFirst().orElse(null);
    }
}
