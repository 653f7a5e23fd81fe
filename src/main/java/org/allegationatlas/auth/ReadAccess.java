package org.allegationatlas.auth;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;

import graphql.GraphqlErrorBuilder;
import graphql.execution.AbortExecutionException;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentationContext;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.language.OperationDefinition;
import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import graphql.ExecutionResult;

/**
 * With {@code atlas.auth.read-requires-token=true}, queries and subscriptions need a reader
 * (or editor) token. Writes are guarded by {@code @RolesAllowed} on the mutations themselves.
 */
public class ReadAccess extends SimplePerformantInstrumentation {

    private final boolean readRequiresToken = ConfigProvider.getConfig()
            .getOptionalValue("atlas.auth.read-requires-token", Boolean.class).orElse(false);

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        OperationDefinition.Operation operation = parameters.getExecutionContext().getOperationDefinition().getOperation();
        if (readRequiresToken && operation != OperationDefinition.Operation.MUTATION && !mayRead()) {
            throw new AbortExecutionException(List.of(GraphqlErrorBuilder.newError()
                    .message("Reading needs a token: send Authorization: Bearer <token> with a reader or editor token")
                    .extensions(Map.of("code", "UNAUTHORIZED")).build()));
        }
        return SimpleInstrumentationContext.noOp();
    }

    private static boolean mayRead() {
        SecurityIdentity identity = Arc.container().instance(CurrentIdentityAssociation.class).get().getIdentity();
        return identity.hasRole(Roles.READER) || identity.hasRole(Roles.EDITOR);
    }
}
