package org.allegationatlas.http;

import org.allegationatlas.ProtectedApp;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import io.quarkus.test.junit.TestProfile;

@QuarkusIntegrationTest
@TestProfile(ProtectedApp.class)
class GeneratedBadInputIT extends GeneratedBadInputTest {
}
