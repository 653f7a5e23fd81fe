package org.allegationatlas.auth;

import org.allegationatlas.ProtectedApp;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The packaged app with atlas.auth.read-requires-token: reads need a reader or editor token. */
@QuarkusIntegrationTest
@TestProfile(ProtectedApp.ReadersOnly.class)
class ReadTokenIT extends ReadTokenTest {
}
