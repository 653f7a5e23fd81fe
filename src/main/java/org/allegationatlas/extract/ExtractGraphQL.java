package org.allegationatlas.extract;

import java.util.Comparator;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.allegationatlas.article.Article;
import org.allegationatlas.auth.Roles;
import org.allegationatlas.claim.ClaimOrigin;
import org.allegationatlas.common.ApiException;
import org.allegationatlas.ingest.ArticleInput;
import org.allegationatlas.ingest.IngestService;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;

@GraphQLApi
public class ExtractGraphQL {

    @Inject
    Validator validator;
    @Inject
    Extractor extractor;
    @Inject
    IngestService ingestService;

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Store an article from its text alone; actors and claims are extracted automatically (origin EXTRACTED). "
            + "Sending the same url again replaces that article and its claims, except curated ones: an article with "
            + "curated claims is refused (CONFLICT) unless replaceCurated is true. previewExtraction shows what would be stored.")
    public Article extractArticle(@NonNull RawArticleInput input, @DefaultValue("false") boolean replaceCurated) {
        check(input);
        // claims whose speaker the text does not name (and no known publisher states) are proposed by previewExtraction,
        // never stored with an invented one
        ArticleInput article = extractor.extract(input).storable();
        return Article.of(ingestService.ingest(article, ClaimOrigin.EXTRACTED, replaceCurated));
    }

    @Query
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Extract actors and claims from a text and return them without storing anything, in the shape of "
            + "ArticleInput: review and edit the proposal, then store it with ingestArticle. Needs an editor token. "
            + "Each proposed claim says why it was proposed (explanation); an act the text reports with no speaker is the "
            + "publisher's statement (an actor of kind MEDIA: the input's publisher, the dateline's, or the outlet of the url's "
            + "domain); claims whose speaker is neither named nor known have no claimant and are not stored by extractArticle "
            + "(unattributedClaims counts them).")
    public ExtractionPreview previewExtraction(@NonNull RawArticleInput input) {
        check(input);
        Extraction extraction = extractor.extract(input);
        // what extractArticle would store passes ingest's checks; the proposal also shows the claims without a speaker
        var checked = ingestService.check(extraction.storable());
        return new ExtractionPreview(ProposedArticle.of(extraction.article(), checked.language()),
                ingestService.curatedClaimsAt(extraction.article().url()), extraction.unattributed());
    }

    /** Bad input is reported like ingestArticle reports it, before anything is read or written. */
    private void check(RawArticleInput input) {
        Set<ConstraintViolation<RawArticleInput>> violations = validator.validate(input);
        if (!violations.isEmpty()) {
            throw ApiException.validation(violations.stream()
                    .sorted(Comparator.comparing(v -> v.getPropertyPath().toString()))
                    .map(v -> "input." + v.getPropertyPath() + ": " + v.getMessage())
                    .collect(Collectors.joining("; ")));
        }
    }
}
