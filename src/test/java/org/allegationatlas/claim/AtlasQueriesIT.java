package org.allegationatlas.claim;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class AtlasQueriesIT extends AtlasQueriesTest {
}
