package org.allegationatlas.auth;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The bearer tokens of {@code atlas.auth.tokens} (ATLAS_AUTH_TOKENS): comma-separated
 * {@code role:token} entries, e.g. {@code editor:s3cret,reader:0pen}. An editor may also read.
 */
@ApplicationScoped
public class ApiTokens {

    private record Entry(byte[] digest, Set<String> roles) {
    }

    private final List<Entry> entries = new ArrayList<>();

    ApiTokens(@ConfigProperty(name = "atlas.auth.tokens") Optional<List<String>> configured) {
        for (String item : configured.orElse(List.of())) {
            int colon = item.indexOf(':');
            String role = colon < 0 ? "" : item.substring(0, colon).trim();
            String token = colon < 0 ? "" : item.substring(colon + 1).trim();
            if (token.isEmpty() || !(role.equals(Roles.EDITOR) || role.equals(Roles.READER))) {
                throw new IllegalArgumentException("atlas.auth.tokens: each entry is editor:<token> or reader:<token>; "
                        + "got an entry of " + item.length() + " characters that is neither");
            }
            entries.add(new Entry(digest(token), role.equals(Roles.EDITOR) ? Set.of(Roles.EDITOR, Roles.READER) : Set.of(Roles.READER)));
        }
    }

    /**
     * The roles of a presented token; empty when it is unknown. Every configured token is
     * compared, each in constant time on its digest, so timing tells nothing about them.
     */
    public Set<String> rolesOf(String token) {
        byte[] presented = digest(token);
        Set<String> roles = Set.of();
        for (Entry entry : entries) {
            if (MessageDigest.isEqual(entry.digest(), presented)) {
                roles = entry.roles();
            }
        }
        return roles;
    }

    private static byte[] digest(String token) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
