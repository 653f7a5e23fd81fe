package org.allegationatlas;

import io.quarkus.test.junit.QuarkusIntegrationTest;

/** The packaged app serves the contract and GraphiQL too. */
@QuarkusIntegrationTest
class ContractSchemaIT extends ContractSchemaTest {
}
