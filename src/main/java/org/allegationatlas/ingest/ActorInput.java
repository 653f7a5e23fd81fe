package org.allegationatlas.ingest;

import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.allegationatlas.actor.ActorKind;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

import io.smallrye.graphql.api.Nullable;

@Description("An actor as named in one article; key is local to that input. Matched to a stored actor by name or alias within the same country and kind.")
@Input("ActorInput")
public record ActorInput(
        @NonNull @NotBlank @Size(max = 100) String key,
        @NonNull @NotBlank @Size(max = 300) @Description("Canonical English name.") String name,
        @NonNull @NotNull ActorKind kind,
        @Size(max = 3) @Description("ISO 3166-1 alpha-2 or alpha-3; required for a STATE.") String country,
        @Size(max = 300) String title,
        @Nullable @Size(max = 100) List<@NonNull @NotNull @Valid AliasInput> aliases) {
}
