package org.allegationatlas.extract;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ExtractIT extends ExtractTest {
}
