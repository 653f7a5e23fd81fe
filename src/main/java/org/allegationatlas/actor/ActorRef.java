package org.allegationatlas.actor;

/** A stored actor as a claim needs it: its id and its country. */
public record ActorRef(long id, String countryCode) {
}
