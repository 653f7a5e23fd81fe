package org.allegationatlas.http;

import org.allegationatlas.ProtectedApp;
import org.junit.jupiter.api.Order;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The packaged app's response cache with protection on: access before a hit, answers per identity, ETag and 304. */
@QuarkusIntegrationTest
@Order(ProtectedApp.PACKAGED_ORDER + 2)
@TestProfile(ProtectedApp.ReadersOnly.class)
class ResponseCacheIdentityIT extends ResponseCacheIdentityTest {
}
