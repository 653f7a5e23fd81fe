package org.allegationatlas.actor;

import org.eclipse.microprofile.graphql.Description;

@Description("What sort of party an actor is; a STATE's country is itself.")
public enum ActorKind {
    STATE, GOVERNMENT_BODY, PERSON, ORGANIZATION, INTERNATIONAL_ORGANIZATION, TERRITORY, GROUP
}
