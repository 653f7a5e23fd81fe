package org.allegationatlas.ingest;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class IngestApiIT extends IngestApiTest {
}
