package org.allegationatlas.common.graphql;

import graphql.GraphQL;
import graphql.schema.GraphQLSchema;
import graphql.schema.visibility.DefaultGraphqlFieldVisibility;
import io.smallrye.graphql.spi.config.Config;

/**
 * SmallRye turns the default field visibility ({@code quarkus.smallrye-graphql.field-visibility=default}: every
 * field visible) into a regular-expression filter whose one pattern is the word "default", which matches no
 * field but is run for every field of every item of every answer (3% of a page's CPU). With that value the
 * engine gets graphql-java's own "every field visible" instead; any other value (patterns, no-introspection)
 * is left exactly as SmallRye built it.
 */
public final class FieldVisibility {

    private FieldVisibility() {
    }

    /** The builder, with its schema's visibility filter dropped when the configuration asks for none. */
    public static GraphQL.Builder unblocked(GraphQL.Builder builder) {
        if (!Config.FIELD_VISIBILITY_DEFAULT.equals(Config.get().getFieldVisibility())) {
            return builder;
        }
        GraphQLSchema schema = builder.build().getGraphQLSchema();
        return builder.schema(schema.transformWithoutTypes(types -> types.codeRegistry(schema.getCodeRegistry()
                .transform(code -> code.fieldVisibility(DefaultGraphqlFieldVisibility.DEFAULT_FIELD_VISIBILITY)))));
    }
}
