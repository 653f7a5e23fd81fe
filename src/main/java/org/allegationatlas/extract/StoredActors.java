package org.allegationatlas.extract;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.extract.lexicon.ActorDef;
import org.allegationatlas.extract.lexicon.ActorNames;
import org.allegationatlas.extract.lexicon.PhraseTable;

/**
 * The actors already in the database, by every name and alias, so that an article finds the
 * parties earlier articles introduced ("Kirby", "Para pejabat Iran"). Held in memory and read
 * again when the number or the newest ids of actors and aliases change: a cheap check per
 * extraction that sees actors ingested since, on this replica or another.
 */
@ApplicationScoped
public class StoredActors {

    /** The stored actors at one moment: their names, and the canonical name of each STATE. */
    private record Snapshot(String version, ActorNames names) {

        static final Snapshot EMPTY = new Snapshot("", ActorNames.NONE);
    }

    @Inject
    EntityManager em;

    private volatile Snapshot snapshot = Snapshot.EMPTY;

    /** The stored actors' names now. */
    @Transactional
    public ActorNames current() {
        String version = version();
        Snapshot known = snapshot;
        if (version.equals(known.version())) {
            return known.names();
        }
        synchronized (this) {
            if (!version.equals(snapshot.version())) {
                snapshot = load(version);
            }
            return snapshot.names();
        }
    }

    private String version() {
        Object[] row = (Object[]) em.createNativeQuery("select (select count(*) from actor), (select coalesce(max(id), 0) from actor),"
                + " (select count(*) from actor_alias), (select coalesce(max(id), 0) from actor_alias)").getSingleResult();
        return row[0] + "/" + row[1] + "/" + row[2] + "/" + row[3];
    }

    private Snapshot load(String version) {
        Map<Long, ActorDef> byId = new HashMap<>();
        Map<String, String> stateNames = new HashMap<>();
        PhraseTable<ActorDef> names = new PhraseTable<>();
        @SuppressWarnings("unchecked")
        List<Object[]> actors = em.createNativeQuery("select id, name, kind, country_code, title from actor order by id").getResultList();
        for (Object[] a : actors) {
            String country = a[3] == null ? null : a[3].toString().trim();
            ActorDef actor = new ActorDef((String) a[1], ActorKind.valueOf(a[2].toString().trim()), country, (String) a[4]);
            byId.put(((Number) a[0]).longValue(), actor);
            names.add(actor.name(), actor);
            if (actor.kind() == ActorKind.STATE && country != null) {
                stateNames.putIfAbsent(country, actor.name());
            }
        }
        @SuppressWarnings("unchecked")
        List<Object[]> aliases = em.createNativeQuery("select actor_id, name from actor_alias order by id").getResultList();
        for (Object[] alias : aliases) {
            ActorDef actor = byId.get(((Number) alias[0]).longValue());
            if (actor != null) {
                names.add((String) alias[1], actor);
            }
        }
        return new Snapshot(version, new ActorNames(names, stateNames));
    }
}
