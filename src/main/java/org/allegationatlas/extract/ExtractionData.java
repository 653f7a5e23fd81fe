package org.allegationatlas.extract;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.allegationatlas.auth.ApiTokens;
import org.allegationatlas.auth.Roles;
import org.allegationatlas.country.Countries;
import org.allegationatlas.extract.lexicon.Lexicon;
import org.allegationatlas.extract.nlp.Taggers;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;
import io.vertx.ext.web.Router;

/**
 * The dictionaries and models extraction reads (the {@link Lexicon} and the {@link Taggers}): the
 * one place they are loaded, once, on first use. They take seconds to read and tens of megabytes
 * of heap, so only a process that can extract holds them: the service warms them up in the
 * background when someone may extract (an editor token is configured, or authentication is off),
 * once it has answered its first request (or {@code atlas.extract.warm-up-at-latest}, 10 s, after it
 * started), so that the reading does not compete with the start and the first answer for the
 * CPU; commands (import, export ...) never load them, and {@code extract}
 * loads them when it reads its file. {@code atlas.extract.warm-up=false} leaves even the service
 * to load them at its first extraction.
 */
@ApplicationScoped
public class ExtractionData {

    /** What extraction reads; immutable and shared by all threads. */
    public record Loaded(Lexicon lexicon, Taggers taggers) {
    }

    private static final Logger LOG = Logger.getLogger(ExtractionData.class);

    @Inject
    Countries countries;
    @Inject
    ApiTokens tokens;
    @ConfigProperty(name = "atlas.auth.enabled", defaultValue = "true")
    boolean authEnabled;
    @ConfigProperty(name = "atlas.extract.warm-up", defaultValue = "true")
    boolean warmUpEnabled;
    /** How long the warm-up waits for the service's first answer before it reads anyway. */
    @ConfigProperty(name = "atlas.extract.warm-up-at-latest", defaultValue = "10s")
    Duration warmUpAtLatest;

    private volatile Loaded loaded;
    private final CountDownLatch firstAnswer = new CountDownLatch(1);

    /** For CDI. */
    ExtractionData() {
    }

    /** Outside a container (tests, tools). */
    static ExtractionData standalone(Countries countries) {
        ExtractionData data = new ExtractionData();
        data.countries = countries;
        return data;
    }

    /** The dictionaries and models, loaded by the first caller (others wait for it). */
    public Loaded get() {
        Loaded known = loaded;
        if (known == null) {
            synchronized (this) {
                if (loaded == null) {
                    long start = System.nanoTime();
                    Taggers taggers = new Taggers();
                    loaded = new Loaded(new Lexicon(countries, taggers::isEnglishWord), taggers);
                    LOG.debugf("extraction dictionaries and models loaded in %d ms", (System.nanoTime() - start) / 1_000_000);
                }
                known = loaded;
            }
        }
        return known;
    }

    /** Whether the dictionaries and models are in memory. */
    boolean isLoaded() {
        return loaded != null;
    }

    /** Notes the first answer of the main HTTP server: the warm-up may begin. */
    void watchFirstAnswer(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(ctx -> {
            if (firstAnswer.getCount() > 0) {
                // the answer is made by the time its headers are written (an end handler is not called on every route)
                ctx.addHeadersEndHandler(v -> firstAnswer.countDown());
            }
            ctx.next();
        });
    }

    void warmUpAfterFirstAnswer(@Observes StartupEvent event,
            @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean serving) {
        // a command serves no HTTP; without an editor token nobody may extract (extractArticle, previewExtraction)
        if (serving && warmUpEnabled && (!authEnabled || tokens.anyTokenWith(Roles.EDITOR))) {
            Thread reading = new Thread(() -> {
                try {
                    firstAnswer.await(warmUpAtLatest.toMillis(), TimeUnit.MILLISECONDS);
                } catch (InterruptedException e) {
                    return;
                }
                get();
            }, "extract-warm-up");
            reading.setDaemon(true);
            reading.start();
        }
    }
}
