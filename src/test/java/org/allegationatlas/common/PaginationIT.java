package org.allegationatlas.common;

import org.junit.jupiter.api.Tag;

import io.quarkus.test.junit.QuarkusIntegrationTest;

@QuarkusIntegrationTest
@Tag("twin") // re-runs its JVM test against the packaged app: ./mvnw verify -Pfull (docs/testing.md)
class PaginationIT extends PaginationTest {
}
