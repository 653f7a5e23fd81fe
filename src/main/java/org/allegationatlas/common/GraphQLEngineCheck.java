package org.allegationatlas.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.json.Json;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.graphql.execution.ExecutionService;

/**
 * Builds the GraphQL engine when the application starts, not at the first request, and stops the
 * start if our instrumentations (error codes, deadline) are not in it: a service that would answer
 * with uncoded errors and no deadline must not come up.
 */
@ApplicationScoped
public class GraphQLEngineCheck {

    void atStart(@Observes StartupEvent start, Instance<ExecutionService> engine) {
        engine.get().execute(Json.createObjectBuilder().add("query", "{ __typename }").build());
        if (!ErrorCodesEventing.installed()) {
            throw new IllegalStateException("The GraphQL engine was built without the application's instrumentations "
                    + "(error codes, request deadline); see the log above for why");
        }
    }
}
