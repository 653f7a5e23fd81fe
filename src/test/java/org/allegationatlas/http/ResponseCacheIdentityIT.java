package org.allegationatlas.http;

import org.allegationatlas.ProtectedApp;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The packaged app's response cache with protection on: access before a hit, answers per identity, ETag and 304. */
@QuarkusIntegrationTest
@Tag("twin") // re-runs its JVM test against the packaged app: ./mvnw verify -Pfull (docs/testing.md)
@Order(ProtectedApp.PACKAGED_ORDER + 2)
@TestProfile(ProtectedApp.ReadersOnly.class)
class ResponseCacheIdentityIT extends ResponseCacheIdentityTest {
}
