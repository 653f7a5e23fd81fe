package org.allegationatlas.news.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.inject.Inject;

import org.allegationatlas.news.fetch.FetchException.Reason;
import org.junit.jupiter.api.Test;

import org.allegationatlas.ProtectedApp;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/**
 * The fetcher as the service builds it from application.properties: private addresses refused, a named User-Agent.
 * (In the app as it runs in production: the other tests' app lets the fetcher reach their web sites on loopback.)
 */
@QuarkusTest
@TestProfile(ProtectedApp.class)
class PageFetcherConfigTest {

    @Inject
    PageFetcher fetcher;

    @Test
    void theShippedSettingsRefuseLoopbackAndTellHowToAllowIt() {
        FetchException e = assertThrows(FetchException.class,
                () -> fetcher.fetch("http://127.0.0.1:9/story", Validators.NONE));

        assertEquals(Reason.ADDRESS_REFUSED, e.reason());
        assertEquals("http://127.0.0.1:9/story: 127.0.0.1 is a loopback address; the service fetches only public"
                + " addresses (set ATLAS_FETCH_ALLOW_PRIVATE_ADDRESSES=true to allow private ones)", e.getMessage());
        assertTrue(fetcher.userAgent().startsWith("AllegationAtlas/0.1"), fetcher.userAgent());
    }
}
