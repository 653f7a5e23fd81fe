package org.allegationatlas.auth;

import org.allegationatlas.ProtectedApp;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The packaged app with protection on: writes and imports need the editor token. */
@QuarkusIntegrationTest
@TestProfile(ProtectedApp.class)
class AuthIT extends AuthTest {
}
