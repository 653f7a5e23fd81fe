package org.allegationatlas.claim;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

import org.allegationatlas.actor.Actor;
import org.allegationatlas.actor.ActorService;

import io.quarkus.arc.Arc;

/**
 * The actors of a level of claims (claimant, subject, counterparty, place), read in one statement
 * for all four roles: the first role asked reads them all, and the other roles of the same claims in
 * the same request take them from memory. A page of claims with claimant and subject cost a
 * statement and a transaction per role before.
 */
@ApplicationScoped
public class ClaimActors {

    @Inject
    ActorService actors;
    @Inject
    Memo memo;

    /** The actor in {@code role} of each claim (null where the claim has none). */
    public List<Actor> of(List<Claim> claims, Function<Claim, Long> role) {
        Map<Long, Actor> byId = Arc.container().requestContext().isActive()
                ? memo.actors(claims.stream().map(Claim::id).collect(Collectors.toSet()), k -> read(claims))
                : read(claims); // outside a request (a subscription's push): nothing to share
        return claims.stream().map(c -> role.apply(c) == null ? null : byId.get(role.apply(c))).toList();
    }

    private Map<Long, Actor> read(List<Claim> claims) {
        Set<Long> ids = new LinkedHashSet<>();
        claims.forEach(c -> Stream.of(c.claimantId(), c.subjectId(), c.counterpartyId(), c.placeId()).filter(Objects::nonNull)
                .forEach(ids::add));
        return actors.actors(ids);
    }

    /**
     * What one request has read, keyed by the claims it was read for: the roles of one level of
     * claims ask for the same claims. Keyed by claims rather than by actor id, so that a mutation
     * run after a read in the same document (mutations run one after the other) reads afresh.
     */
    @RequestScoped
    static class Memo {
        private final Map<Set<String>, Map<Long, Actor>> byClaims = new ConcurrentHashMap<>();

        // a method, never a field: the bean is reached through its client proxy
        Map<Long, Actor> actors(Set<String> claimIds, Function<Set<String>, Map<Long, Actor>> read) {
            return byClaims.computeIfAbsent(claimIds, read);
        }
    }
}
