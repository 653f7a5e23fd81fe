package org.allegationatlas.actor;

import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.NonNull;

public record Alias(
        @NonNull @Description("Surface form as written, e.g. \"Gedung Putih\".") String name,
        @Description("BCP-47 tag of the language it was written in.") String language) {
}
