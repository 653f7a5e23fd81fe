package org.allegationatlas.country;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class AffiliationIT extends AffiliationTest {
}
