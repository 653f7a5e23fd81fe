package org.allegationatlas.actor;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.allegationatlas.claim.ClaimConnection;
import org.allegationatlas.claim.Claim;
import org.allegationatlas.claim.ClaimList;
import org.allegationatlas.claim.ClaimService;
import org.allegationatlas.common.Ids;
import org.allegationatlas.common.Page;
import org.allegationatlas.common.Paging;
import org.allegationatlas.country.Countries;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
public class ActorGraphQL {

    @Inject
    ActorService actors;
    @Inject
    ClaimService claims;
    @Inject
    Countries countries;
    @Inject
    Paging paging;

    @Query
    public Actor actor(@NonNull @Id String id) {
        long actorId = Ids.parse(id, "an actor");
        return actors.actors(List.of(actorId)).get(actorId);
    }

    @Query
    @NonNull
    @Description("Actors whose name or any alias, in any language, matches the search (case- and accent-insensitive).")
    public ActorConnection actors(String search, ActorKind kind, String country, @DefaultValue("20") Integer first,
            String after) {
        return ActorConnection.of(actors.search(search, kind, countries.requireCode(country, "country"),
                paging.request(first, after)));
    }

    public List<@NonNull List<@NonNull Alias>> aliases(@Source List<Actor> sources) {
        Map<Long, List<Alias>> aliases = actors.aliasesOf(sources.stream().map(Actor::numericId).toList());
        return sources.stream().map(a -> aliases.getOrDefault(a.numericId(), List.of())).toList();
    }

    @Description("Claims this actor made.")
    public List<@NonNull ClaimConnection> claimsMade(@Source List<Actor> sources, @DefaultValue("20") Integer first,
            String after) {
        return connections(ClaimList.MADE_BY, sources, first, after);
    }

    @Description("Claims about this actor (it is their subject).")
    public List<@NonNull ClaimConnection> claimsAbout(@Source List<Actor> sources, @DefaultValue("20") Integer first,
            String after) {
        return connections(ClaimList.ABOUT, sources, first, after);
    }

    private List<ClaimConnection> connections(ClaimList list, List<Actor> sources, Integer first, String after) {
        Map<Object, Page<Claim>> pages = claims.pages(list, sources.stream().map(Actor::numericId).distinct().toList(),
                null, paging.request(first, after));
        return sources.stream().map(a -> ClaimConnection.of(pages.get(a.numericId()))).toList();
    }
}
