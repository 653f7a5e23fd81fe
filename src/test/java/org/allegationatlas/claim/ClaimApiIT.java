package org.allegationatlas.claim;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ClaimApiIT extends ClaimApiTest {
}
