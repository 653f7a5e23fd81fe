package org.allegationatlas.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.StartupEvent;

/**
 * Loads the hand-annotated seed articles listed in {@code seed/index.txt} through the same
 * code path as ingestArticle, each on first start only: a row in seed_loaded remembers it,
 * so an article a user deleted does not come back.
 */
@ApplicationScoped
public class SeedLoader {

    private static final Logger LOG = Logger.getLogger(SeedLoader.class);

    @Inject
    EntityManager em;
    @Inject
    IngestService ingest;
    @ConfigProperty(name = "atlas.seed.enabled", defaultValue = "true")
    boolean enabled;

    void onStart(@Observes StartupEvent event) {
        if (!enabled) {
            return;
        }
        for (String name : resource("seed/index.txt").lines().map(String::trim).filter(l -> !l.isEmpty()).toList()) {
            try {
                loadOnce(name);
            } catch (RuntimeException e) {
                // another replica may have loaded it at the same moment; the database keeps one
                if (isLoaded(name)) {
                    LOG.infof("Seed %s was loaded by another instance", name);
                } else {
                    throw e;
                }
            }
        }
    }

    @Transactional
    void loadOnce(String name) {
        if (isLoaded(name)) {
            return;
        }
        ArticleInput article;
        try (Jsonb jsonb = JsonbBuilder.create()) {
            article = jsonb.fromJson(resource("seed/" + name), ArticleInput.class);
        } catch (Exception e) {
            throw new IllegalStateException("Seed " + name + " is not a valid ArticleInput", e);
        }
        ingest.ingest(article);
        em.createNativeQuery("insert into seed_loaded (name, loaded_at) values (:name, :at)")
                .setParameter("name", name).setParameter("at", OffsetDateTime.now(ZoneOffset.UTC)).executeUpdate();
        LOG.infof("Loaded seed article %s (%d claims)", name, article.claims().size());
    }

    @Transactional
    boolean isLoaded(String name) {
        return !em.createNativeQuery("select name from seed_loaded where name = :name").setParameter("name", name)
                .getResultList().isEmpty();
    }

    private static String resource(String path) {
        try (InputStream in = SeedLoader.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException(path + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
