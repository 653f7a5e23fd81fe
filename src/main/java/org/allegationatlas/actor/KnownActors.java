package org.allegationatlas.actor;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Remembers which stored actor each (kind, country, name) resolves to, so that importing
 * thousands of articles naming the same actors does not ask the database every time.
 * Actors are never deleted and their names only grow, so an entry never becomes wrong; what
 * a transaction learns is published only when it commits, so a rollback leaves no trace.
 */
@ApplicationScoped
class KnownActors {

    record Known(long id, String countryCode, Set<String> names, boolean hasTitle) {
    }

    private record Key(ActorKind kind, String countryCode, String name) {
    }

    /** What one transaction learnt, until it commits. */
    private static final class Learnt implements Synchronization {
        final Map<Key, Known> byName = new HashMap<>();
        private final KnownActors owner;

        Learnt(KnownActors owner) {
            this.owner = owner;
        }

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                owner.byName.putAll(byName);
            }
        }
    }

    private final Map<Key, Known> byName = new ConcurrentHashMap<>();

    @Inject
    TransactionSynchronizationRegistry transactions;

    /** The actor bearing all of {@code names}, if this node knows it; else null (ask the database). */
    Known lookup(ActorKind kind, String countryCode, Set<String> names) {
        Learnt learnt = (Learnt) transactions.getResource(Learnt.class);
        Known found = null;
        for (String name : names) {
            Key key = new Key(kind, countryCode, name);
            Known known = learnt == null ? null : learnt.byName.get(key);
            if (known == null) {
                known = byName.get(key);
            }
            if (known == null || (found != null && found.id() != known.id())) {
                return null;
            }
            found = known;
        }
        return found;
    }

    void remember(ActorKind kind, Known actor) {
        Learnt learnt = (Learnt) transactions.getResource(Learnt.class);
        if (learnt == null) {
            learnt = new Learnt(this);
            transactions.putResource(Learnt.class, learnt);
            transactions.registerInterposedSynchronization(learnt);
        }
        for (String name : actor.names()) {
            learnt.byName.put(new Key(kind, actor.countryCode(), name), actor);
        }
    }
}
