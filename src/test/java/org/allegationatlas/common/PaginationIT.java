package org.allegationatlas.common;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class PaginationIT extends PaginationTest {
}
