package org.allegationatlas.http;

import org.allegationatlas.ProtectedApp;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The packaged app's request deadline, with protection on and reads public. */
@QuarkusIntegrationTest
@Tag("twin") // re-runs its JVM test against the packaged app: ./mvnw verify -Pfull (docs/testing.md)
@Order(ProtectedApp.PACKAGED_ORDER + 3)
@TestProfile(ProtectedApp.Impatient.class)
class TimeoutIT extends TimeoutTest {
}
