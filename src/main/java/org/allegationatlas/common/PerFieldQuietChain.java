package org.allegationatlas.common;

import java.util.Arrays;
import java.util.List;

import org.allegationatlas.common.graphql.ItemLimit;
import org.allegationatlas.common.graphql.LeavesPropertiesAlone;

import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.ExecuteObjectInstrumentationContext;
import graphql.execution.instrumentation.FieldFetchingInstrumentationContext;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimpleInstrumentation;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionStrategyParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldParameters;
import graphql.schema.DataFetcher;
import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * A chain of instrumentations that skips the per-field hooks none of them implements, and does not offer
 * a property's fetcher to members that leave properties alone ({@link LeavesPropertiesAlone}).
 * graphql-java's chain asks every member at every field of every item and allocates a context
 * for the answers even when all of them are "nothing": on a page of claims that was a quarter
 * of the CPU. Nested chains are flattened, for the same reason.
 */
// the hooks are looked up by reflection, in a native image too
@RegisterForReflection(targets = { MaxQueryComplexityInstrumentation.class, MaxQueryDepthInstrumentation.class,
        LeanBatchFetchers.class, RequestDeadline.class, ErrorCodes.class,
        ResponseJson.class, ResponseCache.Remember.class, ItemLimit.Estimate.class, ItemLimit.Count.class }, methods = true)
final class PerFieldQuietChain extends ChainedInstrumentation {

    private final boolean fieldExecution;
    private final boolean fieldFetching;
    private final boolean fieldCompletion;
    private final boolean fieldListCompletion;
    private final boolean executeObject;
    private final boolean propertyFetchers;

    PerFieldQuietChain(List<Instrumentation> instrumentations) {
        super(flatten(instrumentations));
        List<Instrumentation> members = getInstrumentations();
        fieldExecution = anyImplements(members, "beginFieldExecution", InstrumentationFieldParameters.class);
        fieldFetching = anyImplements(members, "beginFieldFetching", InstrumentationFieldFetchParameters.class)
                || anyImplements(members, "beginFieldFetch", InstrumentationFieldFetchParameters.class);
        fieldCompletion = anyImplements(members, "beginFieldCompletion", InstrumentationFieldCompleteParameters.class);
        fieldListCompletion = anyImplements(members, "beginFieldListCompletion", InstrumentationFieldCompleteParameters.class);
        executeObject = anyImplements(members, "beginExecuteObject", InstrumentationExecutionStrategyParameters.class);
        propertyFetchers = anyImplements(members.stream().filter(m -> !(m instanceof LeavesPropertiesAlone)).toList(),
                "instrumentDataFetcher", DataFetcher.class, InstrumentationFieldFetchParameters.class);
    }

    private static List<Instrumentation> flatten(List<Instrumentation> instrumentations) {
        return instrumentations.stream()
                .flatMap(i -> i instanceof ChainedInstrumentation chain ? flatten(chain.getInstrumentations()).stream()
                        : java.util.stream.Stream.of(i))
                .toList();
    }

    /** Whether a member overrides the hook, rather than inheriting graphql-java's do-nothing default. */
    private static boolean anyImplements(List<Instrumentation> members, String hook, Class<?>... parameters) {
        Class<?>[] signature = Arrays.copyOf(parameters, parameters.length + 1);
        signature[parameters.length] = InstrumentationState.class;
        return members.stream().anyMatch(member -> {
            try {
                Class<?> declaring = member.getClass().getMethod(hook, signature).getDeclaringClass();
                return declaring != Instrumentation.class && declaring != SimplePerformantInstrumentation.class
                        && declaring != SimpleInstrumentation.class;
            } catch (NoSuchMethodException e) {
                return true; // cannot tell: keep graphql-java's behaviour
            }
        });
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return parameters.isTrivialDataFetcher() && !propertyFetchers ? dataFetcher
                : super.instrumentDataFetcher(dataFetcher, parameters, state);
    }

    @Override
    public InstrumentationContext<Object> beginFieldExecution(InstrumentationFieldParameters parameters,
            InstrumentationState state) {
        return fieldExecution ? super.beginFieldExecution(parameters, state) : null;
    }

    @Override
    public FieldFetchingInstrumentationContext beginFieldFetching(InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        return fieldFetching ? super.beginFieldFetching(parameters, state) : null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return fieldCompletion ? super.beginFieldCompletion(parameters, state) : null;
    }

    @Override
    public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
            InstrumentationState state) {
        return fieldListCompletion ? super.beginFieldListCompletion(parameters, state) : null;
    }

    @Override
    public ExecuteObjectInstrumentationContext beginExecuteObject(InstrumentationExecutionStrategyParameters parameters,
            InstrumentationState state) {
        return executeObject ? super.beginExecuteObject(parameters, state) : null;
    }
}
