package org.allegationatlas.actor;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Ignore;
import org.eclipse.microprofile.graphql.NonNull;

@Description("A named party in the news: a state, a government body, a person, an organisation, a territory.")
public record Actor(
        @Id @NonNull String id,
        @NonNull @Description("Canonical English name.") String name,
        @NonNull ActorKind kind,
        @Description("e.g. \"National Security Council spokesperson\"") String title,
        @Ignore String countryCode) {

    public static Actor of(ActorEntity e) {
        return new Actor(String.valueOf(e.id), e.name, e.kind, e.title, e.countryCode);
    }

    @Ignore
    public long numericId() {
        return Long.parseLong(id);
    }
}
