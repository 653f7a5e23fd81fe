package org.allegationatlas.ingest;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.allegationatlas.article.Article;
import org.allegationatlas.auth.Roles;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;

@GraphQLApi
public class IngestGraphQL {

    @Inject
    IngestService ingest;

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Store an article with its actors and claims in one transaction. Sending the same url again replaces that article and its claims (idempotent).")
    public Article ingestArticle(@NonNull ArticleInput input) {
        return Article.of(ingest.ingest(input));
    }
}
