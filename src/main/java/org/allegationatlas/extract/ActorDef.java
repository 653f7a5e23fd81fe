package org.allegationatlas.extract;

import org.allegationatlas.actor.ActorKind;

/** An actor as the extractor knows it before it meets it in a text: canonical English name, kind, country. */
record ActorDef(String name, ActorKind kind, String country, String title) {
}
