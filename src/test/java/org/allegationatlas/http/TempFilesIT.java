package org.allegationatlas.http;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.allegationatlas.ProtectedApp;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The packaged app leaves nothing in its java.io.tmpdir: Brotli4j's copy of its native library (one folder per
 * start before) is removed once loaded, and the page still goes out compressed (its icon too).
 */
@QuarkusIntegrationTest
@Order(ProtectedApp.PACKAGED_ORDER + 1) // with the other tests of this profile: one start
@TestProfile(ProtectedApp.class)
class TempFilesIT {

    @Test
    void aStartedAppLeavesNoNativeLibraryCopyBehind() throws IOException {
        given().header("Accept-Encoding", "gzip").get("/").then().statusCode(200).header("Content-Encoding", "gzip");
        given().get("/favicon.ico").then().statusCode(200).contentType("image/x-icon");
        try (Stream<Path> entries = Files.list(ProtectedApp.tmpDir())) {
            List<String> left = entries.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("com_aayushatharva_brotli4j_")).toList();
            assertEquals(List.of(), left, "in " + ProtectedApp.tmpDir());
        }
    }
}
