package org.allegationatlas.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Map;

import jakarta.inject.Inject;

import org.allegationatlas.GraphQL;
import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/**
 * Extraction's models (seconds of CPU to read) are read after the service's first answer, not while
 * it starts: on a small machine they would otherwise compete with the start and the first request.
 * A profile of its own, so that this app has answered nothing when the test begins.
 */
@QuarkusTest
@TestProfile(ExtractionWarmUpTest.NotYetAsked.class)
class ExtractionWarmUpTest {

    /** Someone may extract (authentication is off in tests); no fallback within the test's time. */
    public static class NotYetAsked implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("atlas.extract.warm-up-at-latest", "10m");
        }
    }

    @Inject
    ExtractionData data;

    @Test
    void modelsAreReadAfterTheFirstAnswerNotWhileTheServiceStarts() throws InterruptedException {
        assertFalse(data.isLoaded(), "the models were read before the first answer");
        assertFalse(reading(), "the models are being read before the first answer");

        assertEquals("Korea Utara", GraphQL.ok("country", "code", "KP").getString("country.localName"));

        long until = System.currentTimeMillis() + 180_000;
        while (!data.isLoaded() && System.currentTimeMillis() < until) {
            Thread.sleep(100);
        }
        assertTrue(data.isLoaded(), "the models were not read in the background after the first answer");
    }

    /** Whether a thread is inside {@link ExtractionData#get()}, reading the models. */
    private static boolean reading() {
        return Thread.getAllStackTraces().values().stream().anyMatch(stack -> Arrays.stream(stack)
                .anyMatch(frame -> frame.getClassName().equals(ExtractionData.class.getName()) && frame.getMethodName().equals("get")));
    }
}
