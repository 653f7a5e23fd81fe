package org.allegationatlas.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;

/**
 * SHA-256 of an input's canonical JSON (properties in a fixed order): equal inputs, equal digests. And of an
 * article's text alone ({@link #ofBody}): the same article met again at another address is known by it.
 */
public final class ContentHash {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig()
            .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL));

    private ContentHash() {
    }

    static String of(ArticleInput input) {
        return sha256(JSON.toJson(input)).substring(0, 40);
    }

    /**
     * The SHA-256 of a body's UTF-8 bytes, in lower-case hex: article.body_hash (the migration V10_1 computes the same
     * in SQL for the articles stored before it).
     */
    public static String ofBody(String body) {
        return sha256(body);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
