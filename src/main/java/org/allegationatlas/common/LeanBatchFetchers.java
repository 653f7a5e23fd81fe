package org.allegationatlas.common;

import java.util.List;
import java.util.Map;

import org.allegationatlas.common.graphql.LeavesPropertiesAlone;

import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import io.smallrye.graphql.execution.datafetcher.BatchDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.BatchLoaderHelper;

/**
 * Queues each item of a batched relation (Claim.claimant, Actor.country, ...) straight on its
 * DataLoader. SmallRye's batch fetcher does the same, but first builds a per-field request context
 * and wraps the item in a Mutiny Uni whose callbacks capture and restore CDI and Vert.x context:
 * per item, that overhead cost more than the SQL of the whole page. The batch itself still runs
 * through SmallRye, once per relation and level, with its context, security and transactions.
 * Relations with arguments (connections such as Actor.claimsMade) keep SmallRye's fetcher, which
 * converts the arguments.
 */
public class LeanBatchFetchers extends SimplePerformantInstrumentation implements LeavesPropertiesAlone {

    @Override
    public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
            InstrumentationState state) {
        if (!(dataFetcher instanceof BatchDataFetcher)) {
            return dataFetcher;
        }
        GraphQLFieldDefinition field = parameters.getExecutionStepInfo().getFieldDefinition();
        if (!field.getArguments().isEmpty()) {
            return dataFetcher;
        }
        // SmallRye names a batch loader "<source type>_<field>" (BatchLoaderHelper.getName)
        String loader = parameters.getExecutionStepInfo().getObjectType().getName() + "_" + field.getName();
        return environment -> {
            var dataLoader = environment.getDataLoader(loader);
            return dataLoader == null ? dataFetcher.get(environment)
                    : dataLoader.load(environment.getSource(), keyContext(environment));
        };
    }

    /** What SmallRye's batch loader reads from the first key: the arguments after the sources (none) and the environment. */
    private static Map<String, Object> keyContext(DataFetchingEnvironment environment) {
        return Map.of(BatchLoaderHelper.ARGUMENTS, List.of(), BatchLoaderHelper.DATA_FETCHING_ENVIRONMENT, environment);
    }
}
