package org.allegationatlas.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbConfig;
import jakarta.json.bind.config.PropertyOrderStrategy;

/** SHA-256 of an input's canonical JSON (properties in a fixed order): equal inputs, equal digests. */
final class ContentHash {

    private static final Jsonb JSON = JsonbBuilder.create(new JsonbConfig()
            .withPropertyOrderStrategy(PropertyOrderStrategy.LEXICOGRAPHICAL));

    private ContentHash() {
    }

    static String of(ArticleInput input) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(JSON.toJson(input).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 40);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
