package org.allegationatlas.ingest;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.MessageInterpolator;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;

import org.allegationatlas.actor.ActorRef;
import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.actor.ActorService;
import org.allegationatlas.actor.Alias;
import org.allegationatlas.article.ArticleEntity;
import org.allegationatlas.article.ArticleService;
import org.allegationatlas.claim.ClaimEntity;
import org.allegationatlas.claim.ClaimOrigin;
import org.allegationatlas.claim.ClaimsStored;
import org.allegationatlas.claim.DatePrecision;
import org.allegationatlas.common.ApiException;
import org.allegationatlas.common.Languages;
import org.allegationatlas.common.WriteLock;
import org.allegationatlas.country.Countries;

/**
 * Stores an annotated article in one transaction: checks everything first, so that bad
 * input changes nothing; replaces the article of the same url; matches its actors to
 * stored ones.
 */
@ApplicationScoped
public class IngestService {

    @Inject
    EntityManager em;
    private final Validator validator;
    @Inject
    Countries countries;
    @Inject
    ActorService actors;
    @Inject
    ArticleService articles;
    @Inject
    Event<ClaimsStored> claimsStored;

    /**
     * The messages in English, whoever calls: the default resolves the locale from the GraphQL request, and outside one
     * (the command-line import, POST /import) its interpolation failed, so a line missing a field was reported as
     * "could not be read" instead of by its field.
     */
    @Inject
    IngestService(ValidatorFactory validators) {
        MessageInterpolator messages = validators.getMessageInterpolator();
        this.validator = validators.usingContext().messageInterpolator(new MessageInterpolator() {
            @Override
            public String interpolate(String template, Context context) {
                return messages.interpolate(template, context, Locale.ENGLISH);
            }

            @Override
            public String interpolate(String template, Context context, Locale locale) {
                return messages.interpolate(template, context, locale);
            }
        }).getValidator();
    }

    /** An input that passed every check, with what the checks worked out. */
    public record CheckedArticle(ArticleInput input, String language, Map<String, ActorInput> actorsByKey,
            List<Integer> quoteStarts, String contentHash) {
    }

    /** Stores hand-annotated (or reviewed) claims: origin CURATED. */
    @Transactional
    public ArticleEntity ingest(ArticleInput input) {
        return ingest(input, ClaimOrigin.CURATED);
    }

    /** Stores an article with claims of the given origin (unless a claim names its own); EXTRACTED claims keep their confidence. */
    @Transactional
    public ArticleEntity ingest(ArticleInput input, ClaimOrigin origin) {
        return store(check(input), origin);
    }

    /**
     * Stores extracted (or other) claims, refusing to replace the curated claims of an article of
     * the same url unless {@code replaceCurated}: a person's reading is worth more than a guess.
     */
    @Transactional
    public ArticleEntity ingest(ArticleInput input, ClaimOrigin origin, boolean replaceCurated) {
        CheckedArticle checked = check(input);
        if (origin != ClaimOrigin.CURATED && !replaceCurated) {
            WriteLock.acquire(em); // no curated claims may arrive between this check and the write
            long curated = curatedClaimsAt(input.url());
            if (curated > 0) {
                throw new ApiException(ApiException.CONFLICT, "The article at " + input.url().trim() + " has " + curated
                        + " curated claims, which storing extracted ones would replace. Review the extraction with "
                        + "previewExtraction and store your edits with ingestArticle, or pass replaceCurated: true.");
            }
        }
        return store(checked, origin);
    }

    /** How many curated claims the article of this url has (0 when there is none). */
    public int curatedClaimsAt(String url) {
        return ((Number) em.createQuery("select count(c) from ClaimEntity c, ArticleEntity a where c.articleId = a.id"
                + " and a.url = :url and c.origin = :origin").setParameter("url", url.trim())
                .setParameter("origin", ClaimOrigin.CURATED).getSingleResult()).intValue();
    }

    /**
     * Checks an input completely without touching the database, so that a bad one is
     * refused before anything is written (and a bulk import can skip it and go on).
     */
    public CheckedArticle check(ArticleInput input) {
        checkConstraints(input);
        String language = Languages.canonical(input.language(), "input.language");
        Map<String, ActorInput> actorsByKey = checkActors(input);
        List<Integer> quoteStarts = checkClaims(input, actorsByKey);
        return new CheckedArticle(input, language, actorsByKey, quoteStarts, ContentHash.of(input));
    }

    /** Writes a checked article, replacing the one of the same url, in the caller's transaction. */
    @Transactional(Transactional.TxType.MANDATORY)
    public ArticleEntity store(CheckedArticle checked, ClaimOrigin origin) {
        ArticleInput input = checked.input();
        Map<String, ActorInput> actorsByKey = checked.actorsByKey();
        List<Integer> quoteStarts = checked.quoteStarts();
        WriteLock.acquire(em);

        ArticleEntity article = articles.byUrl(input.url().trim());
        String hash = storedHash(checked, origin);
        if (article != null && hash.equals(article.contentHash)) {
            return article; // the very same input again: nothing to change
        }
        if (article == null) {
            article = new ArticleEntity();
            article.url = input.url().trim();
        } else {
            articles.deleteClaimsOf(article.id);
        }
        article.title = input.title();
        article.publisher = input.publisher();
        article.language = checked.language();
        article.publishedOn = input.publishedOn();
        article.dateline = input.dateline();
        article.body = input.body();
        article.bodyHash = ContentHash.ofBody(input.body());
        article.contentHash = hash;
        article.ingestedAt = OffsetDateTime.now(ZoneOffset.UTC);
        em.persist(article);

        Map<String, ActorRef> stored = new HashMap<>();
        actorsByKey.forEach((key, a) -> stored.put(key, actors.findOrCreate(a.name(), a.kind(),
                countries.requireCode(a.country(), "actor " + key + ".country"), a.title(), aliasesOf(a))));

        List<ClaimEntity> claims = new ArrayList<>();
        Map<String, ClaimEntity> claimsByKey = new HashMap<>();
        for (int i = 0; i < input.claims().size(); i++) {
            ClaimInput c = input.claims().get(i);
            ClaimEntity claim = newClaim(c, quoteStarts.get(i), article.id, stored, origin);
            em.persist(claim);
            claims.add(claim);
            if (c.key() != null) {
                claimsByKey.put(c.key(), claim);
            }
        }
        for (int i = 0; i < claims.size(); i++) {
            String respondsTo = input.claims().get(i).respondsTo();
            if (respondsTo != null) {
                claims.get(i).respondsToId = claimsByKey.get(respondsTo).id;
            }
        }
        claimsStored.fire(new ClaimsStored(claims));
        // write now and forget: a bulk import stores many articles in one transaction, and
        // Hibernate would otherwise re-check every entity it holds before each query
        em.flush();
        em.clear();
        return article;
    }

    private void checkConstraints(ArticleInput input) {
        Set<ConstraintViolation<ArticleInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw ApiException.validation(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> "input." + field(v) + ": " + v.getMessage() + shown(v.getInvalidValue()))
                    .collect(Collectors.joining("; ")));
        }
    }

    /** "actors[0].<list element>" (a null element of a list) reads as "actors[0]". */
    private static String field(ConstraintViolation<?> violation) {
        return violation.getPropertyPath().toString().replace(".<list element>", "");
    }

    private static String shown(Object value) {
        if (value instanceof String s) {
            return s.length() <= 60 ? " (got \"" + s + "\")" : " (got " + s.length() + " characters)";
        }
        return "";
    }

    private Map<String, ActorInput> checkActors(ArticleInput input) {
        Map<String, ActorInput> byKey = new LinkedHashMap<>(); // new actors are created in the input's order
        for (int i = 0; i < input.actors().size(); i++) {
            ActorInput actor = input.actors().get(i);
            String field = "input.actors[" + i + "]";
            if (byKey.put(actor.key(), actor) != null) {
                throw ApiException.validation(field + ".key: \"" + actor.key() + "\" is used by two actors; keys must be unique");
            }
            countries.requireCode(actor.country(), field + ".country");
            if (actor.kind() == ActorKind.STATE && actor.country() == null) {
                throw ApiException.validation(field + ": \"" + actor.name() + "\" is a STATE and needs its country code");
            }
            if (actor.aliases() != null) {
                for (int j = 0; j < actor.aliases().size(); j++) {
                    Languages.canonical(actor.aliases().get(j).language(), field + ".aliases[" + j + "].language");
                }
            }
        }
        return byKey;
    }

    /** @return where each claim's quote starts in the body */
    private List<Integer> checkClaims(ArticleInput input, Map<String, ActorInput> actorsByKey) {
        Set<String> claimKeys = new HashSet<>();
        for (int i = 0; i < input.claims().size(); i++) {
            String key = input.claims().get(i).key();
            if (key != null && !claimKeys.add(key)) {
                throw ApiException.validation("input.claims[" + i + "].key: \"" + key + "\" is used by two claims; keys must be unique");
            }
        }
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < input.claims().size(); i++) {
            ClaimInput claim = input.claims().get(i);
            String field = "input.claims[" + i + "]";
            requireActor(actorsByKey, claim.claimant(), field + ".claimant");
            requireActor(actorsByKey, claim.subject(), field + ".subject");
            requireActor(actorsByKey, claim.counterparty(), field + ".counterparty");
            requireActor(actorsByKey, claim.place(), field + ".place");
            if (claim.respondsTo() != null) {
                if (!claimKeys.contains(claim.respondsTo())) {
                    throw ApiException.notFound(field + ".respondsTo: no claim in this input has key \"" + claim.respondsTo() + "\"");
                }
                if (claim.respondsTo().equals(claim.key())) {
                    throw ApiException.validation(field + ".respondsTo: a claim cannot answer itself");
                }
            }
            starts.add(quoteStart(input.body(), claim, field));
        }
        return starts;
    }

    private static void requireActor(Map<String, ActorInput> actorsByKey, String key, String field) {
        if (key != null && !actorsByKey.containsKey(key)) {
            throw ApiException.notFound(field + ": no actor in input.actors has key \"" + key + "\"");
        }
    }

    /** The provenance rule: the quote occurs verbatim in the body, at quoteStart when given. */
    private static int quoteStart(String body, ClaimInput claim, String field) {
        String quote = claim.quote();
        if (claim.quoteStart() != null) {
            if (!body.startsWith(quote, claim.quoteStart())) {
                int found = body.indexOf(quote);
                throw ApiException.validation(field + ".quoteStart: the quote does not start at " + claim.quoteStart()
                        + (found < 0 ? "; it does not occur in the body at all" : "; it occurs at " + occurrences(body, quote)));
            }
            return claim.quoteStart();
        }
        int start = body.indexOf(quote);
        if (start < 0) {
            throw ApiException.validation(field + ".quote: \"" + abbreviate(quote) + "\" does not occur verbatim in the body; "
                    + "copy it from the body exactly, with the same spaces and punctuation");
        }
        return start;
    }

    private static List<Integer> occurrences(String body, String quote) {
        List<Integer> at = new ArrayList<>();
        for (int i = body.indexOf(quote); i >= 0; i = body.indexOf(quote, i + 1)) {
            at.add(i);
        }
        return at;
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }

    /** What identifies an article's stored input: its content and the origin its claims were stored with. */
    static String storedHash(CheckedArticle article, ClaimOrigin origin) {
        return article.contentHash() + ":" + origin;
    }

    /** A claim's row from its input, its quote's place in the body and its actors as stored (the bulk import's too). */
    static ClaimEntity newClaim(ClaimInput c, int quoteStart, long articleId, Map<String, ActorRef> stored, ClaimOrigin origin) {
        ClaimEntity claim = new ClaimEntity();
        claim.articleId = articleId;
        ActorRef claimant = stored.get(c.claimant());
        ActorRef subject = stored.get(c.subject());
        ActorRef counterparty = c.counterparty() == null ? null : stored.get(c.counterparty());
        ActorRef place = c.place() == null ? null : stored.get(c.place());
        claim.claimantId = claimant.id();
        claim.claimantCountry = claimant.countryCode();
        claim.subjectId = subject.id();
        claim.subjectCountry = subject.countryCode();
        if (counterparty != null) {
            claim.counterpartyId = counterparty.id();
            claim.counterpartyCountry = counterparty.countryCode();
        }
        if (place != null) {
            claim.placeId = place.id();
            claim.placeCountry = place.countryCode();
        }
        claim.stance = c.stance();
        claim.category = c.category();
        claim.summary = c.summary().trim();
        claim.quote = c.quote();
        claim.quoteStart = quoteStart;
        claim.quoteEnd = quoteStart + c.quote().length();
        claim.statedOn = c.statedOn();
        claim.statedOnPrecision = c.statedOn() == null ? null
                : c.statedOnPrecision() == null ? DatePrecision.DAY : c.statedOnPrecision();
        claim.origin = c.origin() == null ? origin : c.origin();
        claim.confidence = c.confidence();
        claim.explanation = c.explanation();
        return claim;
    }

    static List<Alias> aliasesOf(ActorInput actor) {
        if (actor.aliases() == null) {
            return List.of();
        }
        return actor.aliases().stream()
                .map(a -> new Alias(a.name(), Languages.canonical(a.language(), "alias language")))
                .toList();
    }
}
