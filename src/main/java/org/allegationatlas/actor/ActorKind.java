package org.allegationatlas.actor;

import org.eclipse.microprofile.graphql.Description;

@Description("What sort of party an actor is; a STATE's country is itself. MEDIA: a news outlet, the speaker of what an article "
        + "reports in its own voice.")
public enum ActorKind {
    STATE, GOVERNMENT_BODY, PERSON, ORGANIZATION, INTERNATIONAL_ORGANIZATION, TERRITORY, GROUP, MEDIA
}
