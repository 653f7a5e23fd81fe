package org.allegationatlas.http;

import org.allegationatlas.ProtectedApp;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The generated bad input against the packaged app, which also must leave nothing in its own temporary directory. */
@QuarkusIntegrationTest
@TestProfile(ProtectedApp.class)
class GeneratedBadInputIT extends GeneratedBadInputTest {
}
