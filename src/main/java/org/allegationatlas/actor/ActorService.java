package org.allegationatlas.actor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import org.allegationatlas.common.CountCache;
import org.allegationatlas.common.data.JdbcReads;
import org.allegationatlas.common.graphql.ItemLimit;
import org.allegationatlas.common.Page;
import org.allegationatlas.common.PageRequest;
import org.allegationatlas.common.SqlWhere;
import org.allegationatlas.common.Text;

@ApplicationScoped
@Transactional
public class ActorService {

    @Inject
    EntityManager em;
    @Inject
    KnownActors knownActors;
    @Inject
    CountCache counts;
    @Inject
    JdbcReads reads;
    @ConfigProperty(name = "atlas.graphql.max-items", defaultValue = "50000")
    int maxItems;

    public Map<Long, ActorEntity> byIds(Collection<Long> ids) {
        Map<Long, ActorEntity> found = new HashMap<>();
        Set<Long> wanted = new LinkedHashSet<>(ids);
        wanted.remove(null);
        if (!wanted.isEmpty()) {
            em.createQuery("from ActorEntity where id in :ids", ActorEntity.class).setParameter("ids", wanted)
                    .getResultList().forEach(a -> found.put(a.id, a));
        }
        return found;
    }

    /** The actors with these ids, read-only for the API (null ids are skipped). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, Actor> actors(Collection<Long> ids) {
        Map<Long, Actor> found = new HashMap<>();
        Set<Long> wanted = new LinkedHashSet<>(ids);
        wanted.remove(null);
        if (!wanted.isEmpty()) {
            reads.list("select id, name, kind, title, country_code from actor where id = any(?)", List.of(wanted), Integer.MAX_VALUE,
                    row -> new Actor(String.valueOf(row.getLong(1)), row.getString(2), ActorKind.valueOf(row.getString(3)),
                            row.getString(4), row.getString(5)))
                    .forEach(a -> found.put(a.numericId(), a));
        }
        return found;
    }

    /** The aliases of each actor, in the order they were stored; at most the item limit of a request in all. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<Long, List<Alias>> aliasesOf(Collection<Long> actorIds) {
        Map<Long, List<Alias>> aliases = new HashMap<>();
        if (!actorIds.isEmpty()) {
            List<Map.Entry<Long, Alias>> rows = reads.list("select actor_id, name, language from actor_alias where actor_id = any(?)"
                    + " order by id", List.of(Set.copyOf(actorIds)), maxItems + 1,
                    row -> Map.entry(row.getLong(1), new Alias(row.getString(2), row.getString(3))));
            ItemLimit.atMost(rows, maxItems, "aliases")
                    .forEach(a -> aliases.computeIfAbsent(a.getKey(), k -> new ArrayList<>()).add(a.getValue()));
        }
        return aliases;
    }

    /** The first {@code first} actors affiliated with each of the countries, by name. */
    @SuppressWarnings("unchecked")
    public Map<String, List<ActorEntity>> byCountries(Collection<String> codes, int first) {
        Map<String, List<ActorEntity>> actors = new HashMap<>();
        if (codes.isEmpty() || first == 0) {
            return actors;
        }
        List<ActorEntity> rows;
        if (codes.size() == 1) {
            rows = em.createQuery("from ActorEntity where countryCode = :code order by normalizedName, id", ActorEntity.class)
                    .setParameter("code", codes.iterator().next()).setMaxResults(first).getResultList();
        } else {
            // one statement for every country: the first rows of each
            rows = em.createNativeQuery("select * from (select a.*, row_number() over (partition by a.country_code"
                    + " order by a.normalized_name, a.id) as page_row from actor a where a.country_code in (:codes)) ranked"
                    + " where page_row <= :first order by page_row", ActorEntity.class)
                    .setParameter("codes", Set.copyOf(codes)).setParameter("first", first).getResultList();
            rows = new ArrayList<>(rows);
            rows.sort(Comparator.comparing((ActorEntity a) -> a.normalizedName).thenComparing(a -> a.id));
        }
        rows.forEach(a -> actors.computeIfAbsent(a.countryCode.trim(), k -> new ArrayList<>()).add(a));
        return actors;
    }

    /** Actors whose name or an alias contains {@code search}, case- and accent-insensitive, by name. */
    public Page<ActorEntity> search(String search, ActorKind kind, String countryCode, PageRequest request) {
        SqlWhere where = new SqlWhere()
                .add("a.kind = :kind", "kind", kind == null ? null : kind.name())
                .add("a.country_code = :country", "country", countryCode);
        if (!Text.isBlank(search)) {
            where.add("(a.normalized_name like :search escape '\\' or exists (select 1 from actor_alias al"
                    + " where al.actor_id = a.id and al.normalized like :search escape '\\'))",
                    "search", Text.containsPattern(Text.normalize(search)));
        }
        long total = counts.get("actors" + where.key(), () -> ((Number) where.bind(
                em.createNativeQuery("select count(*) from actor a" + where.sql())).getSingleResult()).longValue());
        SqlWhere paged = where.copy().after("a.normalized_name", "a.id", false, request.after(),
                request.after() == null ? null : request.after().sortKey());
        @SuppressWarnings("unchecked")
        List<ActorEntity> rows = paged.bind(em.createNativeQuery("select a.* from actor a" + paged.sql() + " order by "
                + SqlWhere.orderBy("a.normalized_name", "a.id", false), ActorEntity.class))
                .setMaxResults(request.fetchSize()).getResultList();
        return Page.of(rows, request, total);
    }

    /** Countries of the STATE actors one of whose names contains {@code search} (normalized). */
    public Set<String> stateCountriesNamed(String search) {
        Set<String> codes = new LinkedHashSet<>();
        em.createNativeQuery("select distinct a.country_code from actor a where a.kind = 'STATE' and a.country_code is not null"
                + " and (a.normalized_name like :search escape '\\' or exists (select 1 from actor_alias al"
                + " where al.actor_id = a.id and al.normalized like :search escape '\\'))")
                .setParameter("search", Text.containsPattern(Text.normalize(search)))
                .getResultList().forEach(code -> codes.add(code.toString().trim()));
        return codes;
    }

    /**
     * The stored actor of the same kind and country that bears one of {@code names} as its
     * name or an alias, with any new names added as aliases; or a new actor.
     */
    public ActorRef findOrCreate(String name, ActorKind kind, String countryCode, String title, List<Alias> aliases) {
        List<Alias> names = new ArrayList<>();
        names.add(new Alias(name, null));
        names.addAll(aliases);
        Set<String> normalized = new LinkedHashSet<>();
        names.forEach(n -> normalized.add(Text.normalize(n.name())));

        KnownActors.Known known = knownActors.lookup(kind, countryCode, normalized);
        if (known != null && (known.hasTitle() || title == null)) {
            return new ActorRef(known.id(), known.countryCode());
        }
        var query = em.createQuery("select a from ActorEntity a where a.kind = :kind and "
                + (countryCode == null ? "a.countryCode is null" : "a.countryCode = :country")
                + " and (a.normalizedName in :names or exists (select 1 from ActorAliasEntity al"
                + " where al.actorId = a.id and al.normalized in :names)) order by a.id", ActorEntity.class)
                .setParameter("kind", kind).setParameter("names", normalized);
        if (countryCode != null) {
            query.setParameter("country", countryCode);
        }
        ActorEntity actor = query.setMaxResults(1).getResultStream().findFirst().orElse(null);
        if (actor == null) {
            actor = new ActorEntity();
            actor.name = name.trim();
            actor.normalizedName = Text.normalize(name);
            actor.kind = kind;
            actor.countryCode = countryCode;
            actor.title = title;
            em.persist(actor);
        } else if (actor.title == null && title != null) {
            actor.title = title;
        }
        Set<String> allNames = addAliases(actor, names);
        knownActors.remember(kind, new KnownActors.Known(actor.id, actor.countryCode, Set.copyOf(allNames), actor.title != null));
        return new ActorRef(actor.id, actor.countryCode);
    }

    /** Adds the names the actor lacks as aliases. @return all its names, normalized */
    private Set<String> addAliases(ActorEntity actor, List<Alias> names) {
        Set<String> known = new LinkedHashSet<>();
        em.createQuery("select normalized from ActorAliasEntity where actorId = :id", String.class)
                .setParameter("id", actor.id).getResultList().forEach(known::add);
        for (Alias alias : names) {
            String normalized = Text.normalize(alias.name());
            boolean isCanonicalName = Objects.equals(alias.name().trim(), actor.name) && alias.language() == null;
            if (!isCanonicalName && known.add(normalized)) {
                ActorAliasEntity entity = new ActorAliasEntity();
                entity.actorId = actor.id;
                entity.name = alias.name().trim();
                entity.language = alias.language();
                entity.normalized = normalized;
                em.persist(entity);
            }
        }
        known.add(actor.normalizedName);
        return known;
    }
}
