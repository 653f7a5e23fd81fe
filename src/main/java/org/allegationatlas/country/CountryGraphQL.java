package org.allegationatlas.country;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import jakarta.inject.Inject;

import org.allegationatlas.actor.Actor;
import org.allegationatlas.actor.ActorEntity;
import org.allegationatlas.actor.ActorService;
import org.allegationatlas.claim.ClaimConnection;
import org.allegationatlas.claim.Claim;
import org.allegationatlas.claim.ClaimFilter;
import org.allegationatlas.claim.ClaimList;
import org.allegationatlas.claim.ClaimService;
import org.allegationatlas.claim.CountryCount;
import org.allegationatlas.common.Page;
import org.allegationatlas.common.PageRequest;
import org.allegationatlas.common.Paging;
import org.allegationatlas.common.Text;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;

@GraphQLApi
public class CountryGraphQL {

    @Inject
    Countries countries;
    @Inject
    ClaimService claims;
    @Inject
    ActorService actors;
    @Inject
    Paging paging;

    @Query
    @Description("A country by ISO code (alpha-2 or alpha-3, any case); null when the code is unknown.")
    public Country country(@NonNull String code) {
        return countries.find(code).orElse(null);
    }

    @Query
    @NonNull
    @Description("Countries. search matches any name or alias in any language ('Korea Utara', 'DPRK'); involved: only those named in at least one claim.")
    public List<@NonNull Country> countries(String search, @DefaultValue("false") Boolean involved) {
        Set<String> involvedCodes = Boolean.TRUE.equals(involved) ? claims.involvedCountryCodes() : null;
        Set<String> matching = null;
        if (!Text.isBlank(search)) {
            matching = countries.matching(search);
            matching.addAll(actors.stateCountriesNamed(search));
        }
        List<Country> result = new ArrayList<>();
        for (Country country : countries.all()) {
            if ((involvedCodes == null || involvedCodes.contains(country.code()))
                    && (matching == null || matching.contains(country.code()))) {
                result.add(country);
            }
        }
        return result;
    }

    @Description("Name in another language, by BCP-47 tag: localName(language: \"id\") of KP is \"Korea Utara\".")
    public String localName(@Source Country country, @NonNull String language) {
        return countries.localName(country, language);
    }

    @Description("Actors affiliated with this country, by name: the first `first` of them (at most 100); page through"
            + " all of them with the top-level actors(country: ...).")
    public List<@NonNull List<@NonNull Actor>> actors(@Source List<Country> sources, @DefaultValue("100") Integer first) {
        Map<String, List<ActorEntity>> byCountry = actors.byCountries(codes(sources), paging.request(first, null).first());
        return sources.stream()
                .map(c -> byCountry.getOrDefault(c.code(), List.of()).stream().map(Actor::of).toList())
                .toList();
    }

    @Description("Allegations (stance ALLEGES) whose subject is this country or an actor affiliated with it.")
    public List<@NonNull ClaimConnection> allegationsAgainst(@Source List<Country> sources, ClaimFilter filter,
            @DefaultValue("20") Integer first, String after) {
        return connections(ClaimList.AGAINST, sources, filter, paging.request(first, after));
    }

    @Description("Allegations whose claimant is this country or an actor affiliated with it.")
    public List<@NonNull ClaimConnection> allegationsBy(@Source List<Country> sources, ClaimFilter filter,
            @DefaultValue("20") Integer first, String after) {
        return connections(ClaimList.BY, sources, filter, paging.request(first, after));
    }

    @Description("Claims in which the counterparty is this country or an actor affiliated with it.")
    public List<@NonNull ClaimConnection> implicatedIn(@Source List<Country> sources, ClaimFilter filter,
            @DefaultValue("20") Integer first, String after) {
        return connections(ClaimList.IMPLICATING, sources, filter, paging.request(first, after));
    }

    @Description("Countries that allege something against this one, most allegations first.")
    public List<@NonNull List<@NonNull CountryCount>> accusers(@Source List<Country> sources) {
        return counts(sources, true);
    }

    @Description("Countries this one alleges something against, most allegations first.")
    public List<@NonNull List<@NonNull CountryCount>> accused(@Source List<Country> sources) {
        return counts(sources, false);
    }

    private List<ClaimConnection> connections(ClaimList list, List<Country> sources, ClaimFilter filter, PageRequest request) {
        Map<Object, Page<Claim>> pages = claims.pages(list, codes(sources), filter, request);
        return sources.stream().map(c -> ClaimConnection.of(pages.get(c.code()))).toList();
    }

    private List<List<CountryCount>> counts(List<Country> sources, boolean accusers) {
        Map<String, List<CountryCount>> byCountry = new HashMap<>();
        for (Object[] row : claims.counterpartsOf(codes(sources), accusers)) {
            byCountry.computeIfAbsent((String) row[0], k -> new ArrayList<>())
                    .add(new CountryCount(countries.byCode((String) row[1]), (int) row[2]));
        }
        return sources.stream().map(c -> byCountry.getOrDefault(c.code(), List.of())).toList();
    }

    private static List<String> codes(List<Country> sources) {
        return sources.stream().map(Country::code).distinct().toList();
    }
}
