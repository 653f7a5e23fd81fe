package org.allegationatlas.http;

import org.allegationatlas.ProtectedApp;
import org.junit.jupiter.api.Order;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

/** The packaged app's request deadline, with protection on and reads public. */
@QuarkusIntegrationTest
@Order(ProtectedApp.PACKAGED_ORDER + 3)
@TestProfile(ProtectedApp.Impatient.class)
class TimeoutIT extends TimeoutTest {
}
