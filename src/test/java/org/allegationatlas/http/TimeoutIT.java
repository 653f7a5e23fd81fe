package org.allegationatlas.http;

import org.allegationatlas.ProtectedApp;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The packaged app's request deadline, with protection on and reads public. */
@QuarkusIntegrationTest
@TestProfile(ProtectedApp.Impatient.class)
class TimeoutIT extends TimeoutTest {
}
