package org.allegationatlas.actor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import org.allegationatlas.common.Text;
import org.allegationatlas.common.data.SequenceIds;

/**
 * {@link ActorService#findOrCreate} for a whole batch of a bulk import: the same answers, in the same order, with the
 * same new ids, but with one query for the stored actors any of the batch's names may match (and one for their
 * aliases) instead of two per actor, and the new actors, titles and aliases written in JDBC batches. The matching
 * itself runs in memory over what those queries found plus what the batch creates as it goes.
 */
@ApplicationScoped
public class BulkActors {

    /**
     * An actor as an input names it (country already checked), with its name's and aliases' normalized forms in that
     * order ({@code normalized}: worked out once, where the Named is made; the bulk import makes them on its reading
     * thread).
     */
    public record Named(String name, ActorKind kind, String countryCode, String title, List<Alias> aliases, List<String> normalized) {

        public Named(String name, ActorKind kind, String countryCode, String title, List<Alias> aliases) {
            this(name, kind, countryCode, title, aliases, normalizedNames(name, aliases));
        }

        private static List<String> normalizedNames(String name, List<Alias> aliases) {
            List<String> normalized = new ArrayList<>(aliases.size() + 1);
            normalized.add(Text.normalize(name));
            aliases.forEach(alias -> normalized.add(Text.normalize(alias.name())));
            return Collections.unmodifiableList(normalized);
        }
    }

    private record Key(ActorKind kind, String countryCode, String name) {
    }

    /** A stored actor, or one this batch creates, with the normalized names of its aliases. */
    private static final class Stored {
        final long id;
        final String name;
        final String normalizedName;
        final ActorKind kind;
        final String countryCode;
        String title;
        final Set<String> aliases = new LinkedHashSet<>();

        Stored(long id, String name, String normalizedName, ActorKind kind, String countryCode, String title) {
            this.id = id;
            this.name = name;
            this.normalizedName = normalizedName;
            this.kind = kind;
            this.countryCode = countryCode;
            this.title = title;
        }
    }

    private record NewAlias(long id, long actorId, String name, String language, String normalized) {
    }

    @Inject
    EntityManager em;
    @Inject
    KnownActors knownActors;

    /** Finds or creates each actor, in order, in the caller's transaction on {@code connection}. */
    public List<ActorRef> findOrCreateAll(Connection connection, List<Named> actors) throws SQLException {
        Map<Long, Stored> stored = new HashMap<>();
        Map<Key, TreeSet<Long>> byName = new HashMap<>();
        load(connection, namesToLookUp(actors), stored, byName);

        SequenceIds actorIds = SequenceIds.of(em, ActorEntity.class);
        SequenceIds aliasIds = SequenceIds.of(em, ActorAliasEntity.class);
        List<Stored> created = new ArrayList<>();
        Set<Stored> titled = new LinkedHashSet<>();
        List<NewAlias> aliases = new ArrayList<>();
        List<ActorRef> refs = new ArrayList<>(actors.size());
        for (Named named : actors) {
            List<Alias> names = names(named);
            Set<String> normalized = new LinkedHashSet<>(named.normalized());
            KnownActors.Known known = knownActors.lookup(named.kind(), named.countryCode(), normalized);
            if (known != null && (known.hasTitle() || named.title() == null)) {
                refs.add(new ActorRef(known.id(), known.countryCode()));
                continue;
            }
            Stored actor = null;
            for (String name : normalized) { // the lowest id bearing any of the names, as findOrCreate's query orders
                TreeSet<Long> ids = byName.get(new Key(named.kind(), named.countryCode(), name));
                if (ids != null && (actor == null || ids.first() < actor.id)) {
                    actor = stored.get(ids.first());
                }
            }
            if (actor == null) {
                actor = new Stored(actorIds.next(), named.name().trim(), named.normalized().get(0), named.kind(),
                        named.countryCode(), named.title());
                stored.put(actor.id, actor);
                index(byName, actor, actor.normalizedName);
                created.add(actor);
            } else if (actor.title == null && named.title() != null) {
                actor.title = named.title();
                if (!created.contains(actor)) {
                    titled.add(actor);
                }
            }
            // the names it lacks become aliases (ActorService.addAliases)
            Set<String> all = new LinkedHashSet<>(actor.aliases);
            for (int i = 0; i < names.size(); i++) {
                Alias alias = names.get(i);
                String name = named.normalized().get(i);
                boolean isCanonicalName = alias.name().trim().equals(actor.name) && alias.language() == null;
                if (!isCanonicalName && all.add(name)) {
                    aliases.add(new NewAlias(aliasIds.next(), actor.id, alias.name().trim(), alias.language(), name));
                    actor.aliases.add(name);
                    index(byName, actor, name);
                }
            }
            all.add(actor.normalizedName);
            knownActors.remember(named.kind(), new KnownActors.Known(actor.id, actor.countryCode, Set.copyOf(all), actor.title != null));
            refs.add(new ActorRef(actor.id, actor.countryCode));
        }
        write(connection, created, titled, aliases);
        return refs;
    }

    /** The normalized names of the actors this node does not know well enough to skip the database. */
    private Set<String> namesToLookUp(List<Named> actors) {
        Set<String> names = new HashSet<>();
        for (Named named : actors) {
            Set<String> normalized = new LinkedHashSet<>(named.normalized());
            KnownActors.Known known = knownActors.lookup(named.kind(), named.countryCode(), normalized);
            if (known == null || (!known.hasTitle() && named.title() != null)) {
                names.addAll(normalized);
            }
        }
        return names;
    }

    /** The stored actors bearing any of {@code names} as name or alias, with all their aliases. */
    private static void load(Connection connection, Set<String> names, Map<Long, Stored> stored, Map<Key, TreeSet<Long>> byName)
            throws SQLException {
        if (names.isEmpty()) {
            return;
        }
        String columns = "a.id, a.name, a.normalized_name, a.kind, a.country_code, a.title";
        try (PreparedStatement query = connection.prepareStatement("select " + columns + " from actor a where a.normalized_name = any(?)"
                + " union select " + columns + " from actor_alias al join actor a on a.id = al.actor_id where al.normalized = any(?)")) {
            java.sql.Array array = connection.createArrayOf("VARCHAR", names.toArray());
            query.setArray(1, array);
            query.setArray(2, array);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String country = rows.getString(5);
                    Stored actor = new Stored(rows.getLong(1), rows.getString(2), rows.getString(3), ActorKind.valueOf(rows.getString(4)),
                            country == null ? null : country.trim(), rows.getString(6));
                    stored.put(actor.id, actor);
                    index(byName, actor, actor.normalizedName);
                }
            }
        }
        if (stored.isEmpty()) {
            return;
        }
        try (PreparedStatement query = connection.prepareStatement("select actor_id, normalized from actor_alias where actor_id = any(?)"
                + " order by id")) {
            query.setArray(1, connection.createArrayOf("BIGINT", stored.keySet().toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    Stored actor = stored.get(rows.getLong(1));
                    actor.aliases.add(rows.getString(2));
                    index(byName, actor, rows.getString(2));
                }
            }
        }
    }

    private static void write(Connection connection, List<Stored> created, Set<Stored> titled, List<NewAlias> aliases)
            throws SQLException {
        if (!created.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into actor (id, name, normalized_name, kind, country_code, title) values (?, ?, ?, ?, ?, ?)")) {
                for (Stored actor : created) {
                    insert.setLong(1, actor.id);
                    insert.setString(2, actor.name);
                    insert.setString(3, actor.normalizedName);
                    insert.setString(4, actor.kind.name());
                    insert.setString(5, actor.countryCode);
                    insert.setString(6, actor.title);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
        if (!titled.isEmpty()) {
            try (PreparedStatement update = connection.prepareStatement("update actor set title = ? where id = ?")) {
                for (Stored actor : titled) {
                    update.setString(1, actor.title);
                    update.setLong(2, actor.id);
                    update.addBatch();
                }
                update.executeBatch();
            }
        }
        if (!aliases.isEmpty()) {
            try (PreparedStatement insert = connection.prepareStatement(
                    "insert into actor_alias (id, actor_id, name, language, normalized) values (?, ?, ?, ?, ?)")) {
                for (NewAlias alias : aliases) {
                    insert.setLong(1, alias.id());
                    insert.setLong(2, alias.actorId());
                    insert.setString(3, alias.name());
                    insert.setString(4, alias.language());
                    insert.setString(5, alias.normalized());
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }
    }

    private static void index(Map<Key, TreeSet<Long>> byName, Stored actor, String name) {
        byName.computeIfAbsent(new Key(actor.kind, actor.countryCode, name), k -> new TreeSet<>()).add(actor.id);
    }

    private static List<Alias> names(Named named) {
        List<Alias> names = new ArrayList<>();
        names.add(new Alias(named.name(), null));
        names.addAll(named.aliases());
        return names;
    }
}
