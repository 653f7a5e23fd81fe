package org.allegationatlas.ingest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.graphql.Input;
import org.eclipse.microprofile.graphql.NonNull;

@Input("AliasInput")
public record AliasInput(@NonNull @NotBlank @Size(max = 300) String name, @Size(max = 35) String language) {
}
