package org.allegationatlas.extract;

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

/**
 * The dictionaries and models extraction reads (the {@link Lexicon} and the {@link Taggers}): the
 * one place they are loaded, once, on first use. They take seconds to read and tens of megabytes
 * of heap, so only a process that can extract holds them: the service warms them up in the
 * background as it starts when someone may extract (an editor token is configured, or
 * authentication is off); commands (import, export ...) never load them, and {@code extract}
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

    private volatile Loaded loaded;

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
                    loaded = new Loaded(new Lexicon(countries), new Taggers());
                    LOG.debugf("extraction dictionaries and models loaded in %d ms", (System.nanoTime() - start) / 1_000_000);
                }
                known = loaded;
            }
        }
        return known;
    }

    void warmUp(@Observes StartupEvent event, ApiTokens tokens,
            @ConfigProperty(name = "quarkus.http.host-enabled", defaultValue = "true") boolean serving,
            @ConfigProperty(name = "atlas.auth.enabled", defaultValue = "true") boolean authEnabled,
            @ConfigProperty(name = "atlas.extract.warm-up", defaultValue = "true") boolean warmUp) {
        // a command serves no HTTP; without an editor token nobody may extract (extractArticle, previewExtraction)
        if (serving && warmUp && (!authEnabled || tokens.anyTokenWith(Roles.EDITOR))) {
            Thread reading = new Thread(this::get, "extract-warm-up");
            reading.setDaemon(true);
            reading.start();
        }
    }
}
