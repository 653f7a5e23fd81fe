package org.allegationatlas.extract.lexicon;

import org.allegationatlas.actor.ActorKind;

/**
 * An actor as the extractor knows it before it meets it in a text: canonical English name, kind,
 * country; {@code source} says where that knowledge came from (a dictionary entry, a rule, a model
 * tag), for the claim's explanation.
 */
public record ActorDef(String name, ActorKind kind, String country, String title, String source) {

    public ActorDef(String name, ActorKind kind, String country, String title) {
        this(name, kind, country, title, null);
    }

    public ActorDef from(String newSource) {
        return new ActorDef(name, kind, country, title, newSource);
    }
}
