package org.allegationatlas.news;

import static org.allegationatlas.GraphQL.ok;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;

import org.allegationatlas.Json;
import org.allegationatlas.extract.Extractor;
import org.allegationatlas.extract.RawArticleInput;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;

import io.quarkus.test.InjectMock;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A page whose text the extractor trips on (a bug in a rule, a text no rule foresaw) is not lost: the article is
 * stored with its text and no claim, for a later {@code reextract}, and the caller gets it rather than an error.
 */
@QuarkusTest
class ExtractorFailureTest {

    @InjectMock
    Extractor extractor;

    private TestSite site;

    @BeforeEach
    void start() throws Exception {
        site = new TestSite();
        Mockito.when(extractor.extract(ArgumentMatchers.any(RawArticleInput.class)))
                .thenThrow(new IllegalStateException("a rule tripped on this text"));
    }

    @AfterEach
    void stop() {
        site.close();
    }

    @Test
    void anArticleTheExtractorTripsOnIsStoredWithItsTextAlone() {
        String[] story = site.story("tripped", true);
        site.article("/a/tripped", null, "US accuses North Korea", story);

        Json article = ok("fetchArticle", "url", site.url("/a/tripped")).at("fetchArticle");

        assertFalse(article.getString("id").isBlank(), article.toString());
        assertEquals(site.url("/a/tripped"), article.getString("url"));
        assertEquals(String.join("\n\n", story), article.getString("body"), "its text, as read");
        assertEquals("US accuses North Korea", article.getString("title"));
        assertEquals("en", article.getString("language"));
        assertEquals(List.of(), article.getList("claims"), "no claim: the extractor found none it could stand by");
        Mockito.verify(extractor).extract(ArgumentMatchers.any(RawArticleInput.class));
    }
}
