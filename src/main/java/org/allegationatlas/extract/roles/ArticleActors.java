package org.allegationatlas.extract.roles;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.allegationatlas.actor.ActorKind;
import org.allegationatlas.common.Text;
import org.allegationatlas.ingest.ActorInput;
import org.allegationatlas.ingest.AliasInput;
import org.allegationatlas.extract.lexicon.ActorDef;

/**
 * The actors of one article: one entry per party however often and however it is named, each
 * with a key unique in the article and the surface forms it was seen under.
 */
final class ArticleActors {

    /** A party of the article; {@code speaksForState}: "they" in what it says means its state. */
    static final class Actor {
        final String key;
        final ActorDef def;
        final boolean speaksForState;
        final Set<AliasInput> aliases = new LinkedHashSet<>();

        Actor(String key, ActorDef def, boolean speaksForState) {
            this.key = key;
            this.def = def;
            this.speaksForState = speaksForState;
        }

        String name() {
            return def.name();
        }

        ActorKind kind() {
            return def.kind();
        }

        String country() {
            return def.country();
        }

        @Override
        public String toString() {
            return def.name() + (def.country() == null ? "" : " [" + def.country() + "]");
        }
    }

    private static final int MAX_ALIASES = 100;
    private static final int MAX_NAME = 300;

    private final Map<String, Actor> byIdentity = new LinkedHashMap<>();
    private final Set<String> keys = new HashSet<>();

    /** The article's actor for {@code def}, created on first sight; records {@code surface} as an alias. */
    Actor actor(ActorDef def, boolean speaksForState, String surface, String language) {
        ActorDef clipped = new ActorDef(clip(def.name()), def.kind(), def.country(), def.title() == null ? null : clip(def.title()),
                def.source());
        String identity = clipped.kind() + "|" + clipped.country() + "|" + Text.normalize(clipped.name());
        Actor actor = byIdentity.computeIfAbsent(identity, k -> new Actor(newKey(clipped), clipped, speaksForState));
        if (surface != null && !surface.isBlank() && actor.aliases.size() < MAX_ALIASES) {
            actor.aliases.add(new AliasInput(clip(surface.strip()), language));
        }
        return actor;
    }

    /** The inputs of the given actors, in the order they were first seen. */
    List<ActorInput> inputs(Set<Actor> used) {
        List<ActorInput> inputs = new ArrayList<>();
        for (Actor a : byIdentity.values()) {
            if (used.contains(a)) {
                inputs.add(new ActorInput(a.key, a.name(), a.kind(), a.country(), a.def.title(), List.copyOf(a.aliases)));
            }
        }
        return inputs;
    }

    private String newKey(ActorDef def) {
        String base = slug(def.name()) + (def.country() == null ? "" : "_" + def.country().toLowerCase(Locale.ROOT));
        String key = base;
        for (int n = 2; !keys.add(key); n++) {
            key = base + "_" + n;
        }
        return key;
    }

    private static String slug(String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "_").replaceAll("^_+|_+$", "");
        slug = slug.isEmpty() ? "actor" : slug;
        return slug.length() > 80 ? slug.substring(0, 80) : slug;
    }

    private static String clip(String text) {
        return text.length() <= MAX_NAME ? text : text.substring(0, MAX_NAME);
    }
}
