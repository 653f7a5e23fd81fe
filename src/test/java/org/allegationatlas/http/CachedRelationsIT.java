package org.allegationatlas.http;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class CachedRelationsIT extends CachedRelationsTest {
}
