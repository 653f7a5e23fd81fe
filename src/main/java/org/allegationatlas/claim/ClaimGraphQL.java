package org.allegationatlas.claim;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.allegationatlas.article.Article;
import org.allegationatlas.article.ArticleService;
import org.allegationatlas.common.ApiException;
import org.allegationatlas.common.Ids;
import org.allegationatlas.common.Paging;
import org.allegationatlas.common.http.ClientConnection;
import org.allegationatlas.country.Countries;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

import io.smallrye.graphql.api.Subscription;
import io.smallrye.mutiny.Multi;

@GraphQLApi
public class ClaimGraphQL {

    @Inject
    ClaimService claims;
    @Inject
    ArticleService articles;
    @Inject
    Countries countries;
    @Inject
    Paging paging;
    @Inject
    ClaimEvents events;

    @Query
    public Claim claim(@NonNull @Id String id) {
        long claimId = Ids.parse(id, "a claim");
        return claims.byIds(List.of(claimId)).get(claimId);
    }

    @Query
    @NonNull
    public ClaimConnection claims(ClaimFilter filter, @DefaultValue("STATED_ON_DESC") ClaimOrder orderBy,
            @DefaultValue("20") Integer first, String after) {
        return ClaimConnection.of(claims.page(filter, orderBy, paging.request(first, after)));
    }

    @Query
    @NonNull
    @Description("Who accuses whom: one row per (accuser country, accused country) with its number of allegations.")
    public List<@NonNull CountryPair> allegationMatrix(ClaimFilter filter,
            @Description("Only the pairs with the most allegations, this many; all when absent.") Integer first) {
        if (first != null && first < 0) {
            throw ApiException.validation("first: " + first + " is out of range; ask for 0 or more pairs, or leave it out for all");
        }
        return claims.allegationMatrix(filter).stream().limit(first == null ? Long.MAX_VALUE : first)
                .map(row -> new CountryPair(countries.byCode((String) row[0]), countries.byCode((String) row[1]), (int) row[2]))
                .toList();
    }

    @Query
    @NonNull
    @Description("Per country, how many claims under the filter name it as subject and as claimant (with stance: [ALLEGES], the allegations against it and by it); countries in neither role are left out. What the Atlas page's map shades.")
    public List<@NonNull CountryClaimTotals> claimTotals(ClaimFilter filter) {
        return claims.claimTotals(filter).stream()
                .map(row -> new CountryClaimTotals(countries.byCode((String) row[0]), (int) row[1], (int) row[2]))
                .toList();
    }

    @Query
    @NonNull
    @Description("Claims under the filter per month of statedOn, oldest first; undated claims are not counted.")
    public List<@NonNull MonthCount> claimsPerMonth(ClaimFilter filter) {
        return claims.perMonth(filter).stream().map(row -> new MonthCount((String) row[0], (int) row[1])).toList();
    }

    @Subscription
    @NonNull
    @Description("Claims as they are stored, optionally only allegations against one country.")
    public Multi<Claim> claimAdded(String subjectCountry) {
        String code = countries.requireCode(subjectCountry, "subjectCountry");
        return events.subscribe(c -> code == null || c.stance() == Stance.ALLEGES && code.equals(c.subjectCountry()),
                ClientConnection.ofCurrentRequest());
    }

    public List<@NonNull Article> article(@Source List<Claim> sources) {
        Map<Long, Article> byId = articles.byIds(sources.stream().map(Claim::articleId).toList());
        return sources.stream().map(c -> byId.get(c.articleId())).toList();
    }

    @Description("The claim a denial or confirmation answers.")
    public List<Claim> respondsTo(@Source List<Claim> sources) {
        // a denial usually answers a claim of the same article, which is then among the sources already
        Map<Long, Claim> byId = new HashMap<>();
        sources.forEach(c -> byId.put(c.numericId(), c));
        List<Long> missing = sources.stream().map(Claim::respondsToId).filter(id -> id != null && !byId.containsKey(id)).toList();
        byId.putAll(claims.byIds(missing));
        return sources.stream().map(c -> c.respondsToId() == null ? null : byId.get(c.respondsToId())).toList();
    }

    @Description("Denials and confirmations that answer this claim.")
    public List<@NonNull List<@NonNull Claim>> responses(@Source List<Claim> sources) {
        Map<Long, List<Claim>> answers = claims.responsesTo(sources.stream().map(Claim::numericId).toList());
        return sources.stream().map(c -> answers.getOrDefault(c.numericId(), List.of())).toList();
    }
}
