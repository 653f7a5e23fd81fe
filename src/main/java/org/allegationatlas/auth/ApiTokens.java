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
import org.jboss.logging.Logger;

import io.quarkus.runtime.Startup;

/**
 * The bearer tokens of {@code atlas.auth.tokens} (ATLAS_AUTH_TOKENS): comma-separated
 * {@code role:token} entries, e.g. {@code editor:s3cret,reader:0pen}. An editor may also read.
 * Read when the application starts, so that a malformed setting stops the start with a message
 * that names the problem (never a token) instead of refusing every write later without a word.
 */
@Startup
@ApplicationScoped
public class ApiTokens {

    private static final Logger LOG = Logger.getLogger(ApiTokens.class);

    private record Entry(byte[] digest, Set<String> roles) {
    }

    private final List<Entry> entries = new ArrayList<>();

    ApiTokens(@ConfigProperty(name = "atlas.auth.tokens") Optional<List<String>> configured,
            @ConfigProperty(name = "atlas.auth.enabled", defaultValue = "true") boolean enabled,
            @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean serving) {
        List<String> items = configured.orElse(List.of());
        for (int i = 0; i < items.size(); i++) {
            String item = items.get(i);
            int colon = item.indexOf(':');
            String role = colon < 0 ? "" : item.substring(0, colon).trim();
            String token = colon < 0 ? "" : item.substring(colon + 1).trim();
            if (token.isEmpty() || !(role.equals(Roles.EDITOR) || role.equals(Roles.READER))) {
                throw new IllegalArgumentException("atlas.auth.tokens (ATLAS_AUTH_TOKENS): entry " + (i + 1) + " of "
                        + items.size() + " is not role:token (" + (colon < 0 ? "it has no colon"
                                : token.isEmpty() ? "its token is empty" : "its role is neither editor nor reader")
                        + "). Write comma-separated entries like editor:<token>,reader:<token>");
            }
            entries.add(new Entry(digest(token), role.equals(Roles.EDITOR) ? Set.of(Roles.EDITOR, Roles.READER) : Set.of(Roles.READER)));
        }
        // a command (import, export, ...) runs without HTTP: tokens mean nothing there
        if (enabled && serving && entries.stream().noneMatch(e -> e.roles().contains(Roles.EDITOR))) {
            LOG.warn("No editor token is configured: every write (ingestArticle, extractArticle, deleteArticle, /import) "
                    + "will be refused. Set ATLAS_AUTH_TOKENS=editor:<token> to allow writes.");
        }
    }

    /** Whether some configured token grants {@code role} (with none for editors, no write can happen). */
    public boolean anyTokenWith(String role) {
        return entries.stream().anyMatch(e -> e.roles().contains(role));
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
