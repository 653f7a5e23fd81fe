package org.allegationatlas.actor;

import org.allegationatlas.country.Countries;
import org.allegationatlas.country.Country;
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
        @Ignore String countryCode,
        @Description("Affiliation; a STATE actor's country is itself.") Country country) {

    /** An actor with the country of its code (countries are held in memory: no batch, no statement). */
    public Actor(String id, String name, ActorKind kind, String title, String countryCode) {
        this(id, name, kind, title, countryCode, Countries.ofCode(countryCode));
    }

    public static Actor of(ActorEntity e) {
        return new Actor(String.valueOf(e.id), e.name, e.kind, e.title, e.countryCode);
    }

    /**
     * By id alone (equals still compares every component, so equal records hash alike): the batch loaders
     * key every actor of a request by the record, and hashing its text on each lookup was a tenth of a page's CPU.
     */
    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Ignore
    public long numericId() {
        return Long.parseLong(id);
    }
}
