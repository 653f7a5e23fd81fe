package org.allegationatlas.country;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class CountryApiIT extends CountryApiTest {
}
