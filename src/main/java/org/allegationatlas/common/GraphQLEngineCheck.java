package org.allegationatlas.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.json.Json;

import graphql.ExecutionResult;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.graphql.execution.ExecutionService;

/**
 * Builds the GraphQL engine when the application starts, not at the first request, and stops the
 * start if our instrumentations are not in it: a document that fails validation must come back with
 * the code {@link ErrorCodes} gives it. A service that would answer with uncoded errors and no
 * request deadline must not come up.
 */
@ApplicationScoped
public class GraphQLEngineCheck {

    void atStart(@Observes StartupEvent start, Instance<ExecutionService> engine) {
        ExecutionResult result = engine.get().execute(Json.createObjectBuilder().add("query", "{ engineCheck }").build())
                .getExecutionResult();
        boolean coded = result.getErrors().stream()
                .anyMatch(e -> e.getExtensions() != null && ApiException.VALIDATION.equals(e.getExtensions().get("code")));
        if (!coded) {
            throw new IllegalStateException("The GraphQL engine was built without the application's instrumentations "
                    + "(error codes, request deadline); see the log above for why");
        }
    }
}
