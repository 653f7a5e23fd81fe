package org.allegationatlas.actor;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
class ActorApiIT extends ActorApiTest {
}
