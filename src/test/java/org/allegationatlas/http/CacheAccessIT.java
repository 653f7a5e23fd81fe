package org.allegationatlas.http;

import org.allegationatlas.ProtectedApp;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The packaged app's response cache, with protection on. */
@QuarkusIntegrationTest
@TestProfile(ProtectedApp.class)
class CacheAccessIT extends CacheAccessTest {
}
