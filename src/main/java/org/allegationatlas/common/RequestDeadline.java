package org.allegationatlas.common;

import java.time.Duration;

import org.eclipse.microprofile.config.ConfigProvider;

import org.allegationatlas.common.data.MutationRequest;
import org.allegationatlas.common.graphql.LeavesPropertiesAlone;

import graphql.ExecutionResult;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.SimpleInstrumentationContext;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;

/**
 * Stops a request that runs longer than {@code atlas.graphql.timeout}: no field is fetched
 * after the deadline, and the client gets a TIMEOUT error saying how to ask for less. A mutation is
 * stopped only before a write starts (its root fields), never while it answers what it stored.
 */
public class RequestDeadline extends SimplePerformantInstrumentation implements LeavesPropertiesAlone {

    public static final String TIMEOUT = "TIMEOUT";

    private final Duration timeout = ConfigProvider.getConfig()
            .getOptionalValue("atlas.graphql.timeout", Duration.class).orElse(Duration.ofSeconds(10));

    private record Deadline(long nanos) implements InstrumentationState {
    }

    @Override
    public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    @Override
    public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
            InstrumentationState state) {
        if (parameters.getExecutionContext().getOperationDefinition().getOperation() == OperationDefinition.Operation.MUTATION) {
            Runnable unmark = MutationRequest.markCurrent(); // nor is its answer read under the statement timeout
            return SimpleInstrumentationContext.whenCompleted((result, error) -> unmark.run());
        }
        return super.beginExecuteOperation(parameters, state);
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (!(state instanceof Deadline deadline) || parameters.isTrivialDataFetcher()) {
            return dataFetcher; // reading a property costs nothing; wrapping it would make graphql-java treat it as work
        }
        OperationDefinition.Operation operation = parameters.getExecutionContext().getOperationDefinition().getOperation();
        if (operation == OperationDefinition.Operation.SUBSCRIPTION) {
            return dataFetcher; // a subscription lives on; its events must not fail once it is older than the timeout
        }
        if (operation == OperationDefinition.Operation.MUTATION && parameters.getExecutionStepInfo().getPath().getLevel() > 1) {
            // below a mutation's root field the write is done: a TIMEOUT there would report a stored write as failed
            return dataFetcher;
        }
        return environment -> {
            if (System.nanoTime() > deadline.nanos()) {
                throw new ApiException(TIMEOUT, "The request ran longer than " + timeout.toMillis()
                        + " ms and was stopped; ask for fewer items (first) or a shallower query");
            }
            return dataFetcher.get(environment);
        };
    }
}
