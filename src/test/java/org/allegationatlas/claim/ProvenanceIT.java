package org.allegationatlas.claim;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ProvenanceIT extends ProvenanceTest {
}
