package org.allegationatlas.auth;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.allegationatlas.PackagedApp;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged app with a malformed ATLAS_AUTH_TOKENS does not start, and says why without showing the
 * token; with no editor token it starts and warns that no write can succeed.
 */
class TokenConfigurationIT {

    @Test
    void aMalformedTokenSettingStopsTheStartNamingTheProblemNotTheToken(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        Process app = PackagedApp.start(log, List.of("-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=0", "-Dquarkus.management.host=127.0.0.1",
                "-Datlas.data-dir=" + dir.toAbsolutePath(), "-Datlas.auth.tokens=editor:fine-token,s3cret-without-role"));
        try {
            assertTrue(app.waitFor(60, TimeUnit.SECONDS), "the app must stop by itself:\n" + Files.readString(log));
            assertNotEquals(0, app.exitValue(), "a failed start is a failure");
            String output = Files.readString(log);
            assertThat(output, containsString("atlas.auth.tokens"));
            assertThat(output, containsString("entry 2 of 2 is not role:token"));
            assertThat("the log never shows a token", output, not(containsString("s3cret")));
            assertThat("the log never shows a token", output, not(containsString("fine-token")));
        } finally {
            app.destroyForcibly().waitFor();
        }
    }

    @Test
    void withoutAnEditorTokenTheStartWarnsThatNoWriteCanSucceed(@TempDir Path dir) throws Exception {
        Path log = dir.resolve("app.log");
        Process app = PackagedApp.start(log, List.of("-Dquarkus.http.port=0", "-Dquarkus.http.host=127.0.0.1",
                "-Dquarkus.management.port=0", "-Dquarkus.management.host=127.0.0.1",
                "-Datlas.data-dir=" + dir.toAbsolutePath(), "-Datlas.auth.tokens=reader:only-a-reader"));
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            while (!Files.readString(log).contains("No editor token is configured") && System.nanoTime() < deadline
                    && app.isAlive()) {
                Thread.sleep(200);
            }
            String output = Files.readString(log);
            assertThat(output, containsString("No editor token is configured"));
            assertThat(output, containsString("ATLAS_AUTH_TOKENS=editor:"));
            assertThat(output, not(containsString("only-a-reader")));
        } finally {
            app.destroyForcibly().waitFor();
        }
    }
}
