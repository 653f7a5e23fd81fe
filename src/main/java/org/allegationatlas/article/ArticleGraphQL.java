package org.allegationatlas.article;

import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;

import org.allegationatlas.actor.Actor;
import org.allegationatlas.actor.ActorEntity;
import org.allegationatlas.actor.ActorService;
import org.allegationatlas.claim.Claim;
import org.allegationatlas.claim.ClaimService;
import org.allegationatlas.auth.Roles;
import org.allegationatlas.common.ApiException;
import org.allegationatlas.common.Ids;
import org.allegationatlas.common.Paging;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Mutation;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
public class ArticleGraphQL {

    @Inject
    ArticleService articles;
    @Inject
    ClaimService claims;
    @Inject
    ActorService actors;
    @Inject
    Paging paging;

    @Query
    public Article article(@NonNull @Id String id) {
        return articles.byId(Ids.parse(id, "an article"));
    }

    @Query
    @NonNull
    @Description("Articles, newest publication first.")
    public ArticleConnection articles(ArticleFilter filter, @DefaultValue("20") Integer first, String after) {
        return ArticleConnection.of(articles.page(filter, paging.request(first, after)));
    }

    @Mutation
    @RolesAllowed(Roles.EDITOR)
    @NonNull
    @Description("Deletes an article and its claims; its actors stay, as other articles may name them.")
    public Boolean deleteArticle(@NonNull @Id String id) {
        long articleId = Ids.parse(id, "an article");
        if (!articles.delete(articleId)) {
            throw ApiException.notFound("id: no article has id \"" + id + "\"");
        }
        return true;
    }

    @Description("The article's claims, in the order they appear in its body.")
    public List<@NonNull List<@NonNull Claim>> claims(@Source List<Article> sources) {
        Map<Long, List<Claim>> byArticle = claims.byArticles(sources.stream().map(Article::numericId).toList());
        return sources.stream().map(a -> byArticle.getOrDefault(a.numericId(), List.of())).toList();
    }

    @Description("Every actor that takes part in a claim of this article.")
    public List<@NonNull List<@NonNull Actor>> actors(@Source List<Article> sources) {
        Map<Long, List<Claim>> byArticle = claims.byArticles(sources.stream().map(Article::numericId).toList());
        Map<Long, ActorEntity> actorsById = actors.byIds(byArticle.values().stream().flatMap(List::stream)
                .flatMap(Claim::actorIds).toList());
        return sources.stream().map(a -> {
            Set<Long> ids = new LinkedHashSet<>();
            byArticle.getOrDefault(a.numericId(), List.of()).forEach(c -> c.actorIds().forEach(ids::add));
            return ids.stream().map(actorsById::get).filter(Objects::nonNull)
                    .sorted(Comparator.comparing((ActorEntity e) -> e.normalizedName).thenComparing(e -> e.id))
                    .map(Actor::of).toList();
        }).toList();
    }
}
