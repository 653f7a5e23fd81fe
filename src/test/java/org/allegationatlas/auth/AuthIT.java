package org.allegationatlas.auth;

import org.allegationatlas.ProtectedApp;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The packaged app with protection on: writes and imports need the editor token. */
@QuarkusIntegrationTest
@Tag("twin") // re-runs its JVM test against the packaged app: ./mvnw verify -Pfull (docs/testing.md)
@Order(ProtectedApp.PACKAGED_ORDER + 1) // after the packaged tests without a profile, grouped by profile: one start each
@TestProfile(ProtectedApp.class)
class AuthIT extends AuthTest {
}
