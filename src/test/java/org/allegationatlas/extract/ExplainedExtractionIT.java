package org.allegationatlas.extract;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ExplainedExtractionIT extends ExplainedExtractionTest {
}
