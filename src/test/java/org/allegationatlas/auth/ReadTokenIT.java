package org.allegationatlas.auth;

import org.allegationatlas.ProtectedApp;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The packaged app with atlas.auth.read-requires-token: reads need a reader or editor token. */
@QuarkusIntegrationTest
@Tag("twin") // re-runs its JVM test against the packaged app: ./mvnw verify -Pfull (docs/testing.md)
@Order(ProtectedApp.PACKAGED_ORDER + 2)
@TestProfile(ProtectedApp.ReadersOnly.class)
class ReadTokenIT extends ReadTokenTest {
}
