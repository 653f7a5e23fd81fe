package org.allegationatlas;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;

import io.quarkus.test.junit.QuarkusTestProfile;

/**
 * The app as it runs in production, protection on: writes need the editor token, reads are
 * public. On the embedded database it keeps its data in files of its own, and the packaged app (an
 * {@code *IT}) also its temporary files, so that tests can see what it leaves on disk. Every test
 * class with this profile shares one start of the app; {@link ReadersOnly} and {@link Impatient}
 * are the two other starts with protection on.
 * <p>
 * {@code @QuarkusIntegrationTest} hands a profile's {@link #getConfigOverrides()} to the launched
 * jar as {@code -D} options after {@code quarkus.test.arg-line}, so they override its
 * {@code -Datlas.auth.enabled=false}.
 */
public class ProtectedApp implements QuarkusTestProfile {

    /**
     * The packaged app is started anew whenever the profile changes from one {@code *IT} class to the
     * next, and Quarkus groups only {@code @QuarkusTest} classes by profile; so the packaged-app
     * tests with these profiles carry {@code @Order(PACKAGED_ORDER + n)} (failsafe orders classes by
     * {@code @Order}, see pom.xml): after those without a profile ({@link org.junit.jupiter.api.Order#DEFAULT}),
     * one group per profile.
     */
    public static final int PACKAGED_ORDER = org.junit.jupiter.api.Order.DEFAULT;

    public static final String EDITOR_TOKEN = "editor-secret";
    public static final String READER_TOKEN = "reader-secret";

    /**
     * Where this test run's app keeps its files: below target/, one directory per test JVM (named by
     * its process id, which every class loader of that JVM agrees on, unlike a random name).
     */
    private static final Path HOME = Path.of("target", "protected-app", String.valueOf(ProcessHandle.current().pid()))
            .toAbsolutePath();

    /** The embedded database's directory. */
    public static Path dataDir() {
        return HOME.resolve("data");
    }

    /** The packaged app's java.io.tmpdir (the JVM tests share the test JVM's). */
    public static Path tmpDir() {
        return HOME.resolve("tmp");
    }

    /** True in the failsafe run, where the app is the packaged jar (pom.xml gives that JVM native.image.path). */
    public static boolean packaged() {
        return System.getProperty("native.image.path") != null;
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        Map<String, String> config = new HashMap<>(protection());
        try {
            Files.createDirectories(dataDir());
            Files.createDirectories(tmpDir());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        config.put("atlas.jdbc-url.h2", embeddedUrl(dataDir()));
        if (packaged()) {
            // a -D option of the launched jar; in the test JVM it would move every test's temporary files
            config.put("java.io.tmpdir", tmpDir().toString());
        }
        return config;
    }

    /**
     * The production URL of the embedded database (application.properties, read as written), in {@code dataDir}:
     * so that tests of the file-based database run it as users do.
     */
    public static String embeddedUrl(Path dataDir) {
        Properties properties = new Properties();
        try (InputStream in = ProtectedApp.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String url = properties.getProperty("atlas.jdbc-url.h2");
        if (url == null || !url.contains("${atlas.data-dir}")) {
            throw new IllegalStateException("application.properties has no embedded URL under atlas.data-dir: " + url);
        }
        return url.replace("${atlas.data-dir}", dataDir.toString());
    }

    /** Protection on, and the fetcher's shipped refusal of private addresses (the other tests fetch from loopback). */
    static Map<String, String> protection() {
        return Map.of("atlas.auth.enabled", "true", "atlas.auth.tokens", "editor:" + EDITOR_TOKEN + ",reader:" + READER_TOKEN,
                "atlas.auth.read-requires-token", "false", "atlas.fetch.allow-private-addresses", "false");
    }

    /**
     * Reads need a reader (or editor) token too. Two more tokens of each role, for the response
     * cache's identities; and atlas.graphql.instrumentation=false: the setting that once switched
     * the GraphQL instrumentations off must not switch protection (or error codes) off.
     */
    public static class ReadersOnly implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(protection());
            config.put("atlas.auth.tokens", config.get("atlas.auth.tokens")
                    + ",editor:cache-editor,reader:cache-reader,reader:cache-reader-2");
            config.put("atlas.auth.read-requires-token", "true");
            config.put("atlas.graphql.instrumentation", "false");
            return config;
        }
    }

    /**
     * Protection on, reads public (the default), and a request deadline so short that any real
     * work runs past it: for the timeout, which would stop every other test.
     */
    public static class Impatient implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(protection());
            config.put("atlas.graphql.timeout", "0.001s");
            return config;
        }
    }
}
