package org.allegationatlas.common;

import java.util.ArrayList;
import java.util.List;

import org.allegationatlas.common.graphql.FieldVisibility;
import org.allegationatlas.common.graphql.ItemLimit;

import graphql.GraphQL;
import graphql.execution.instrumentation.Instrumentation;
import io.smallrye.graphql.spi.EventingService;

/**
 * Adds {@link LeanBatchFetchers}, the item limit ({@link ItemLimit}), {@link RequestDeadline}, {@link ErrorCodes}, the
 * answer's JSON written in one pass ({@link ResponseJson}) and the response cache's hook to the GraphQL engine SmallRye builds, and lets it look fields up without a visibility filter
 * when none is configured ({@link FieldVisibility}). SmallRye sets its own instrumentations
 * (query cache, depth and complexity limits) just before; they are read back through the public
 * {@link GraphQL#getInstrumentation()} of a trial build and chained, not replaced. Always on:
 * no setting can leave errors uncoded or requests without a deadline, and if this cannot be
 * installed the engine is not built at all (see {@link GraphQLEngineCheck}).
 */
public class ErrorCodesEventing implements EventingService {

    @Override
    public String getConfigKey() {
        return null; // null: enabled whatever the configuration says
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        List<Instrumentation> chain = new ArrayList<>();
        Instrumentation smallRyes = builder.build().getInstrumentation();
        if (smallRyes != null) {
            chain.addAll(ItemLimit.withoutOwnWalks(smallRyes)); // ItemLimit.Estimate checks their limits in its own walk
        }
        chain.add(new LeanBatchFetchers());
        chain.addAll(ItemLimit.instrumentations());
        chain.add(new RequestDeadline());
        chain.add(new ErrorCodes());
        chain.add(new ResponseJson()); // before the cache's hook, which then keeps the text written once
        chain.add(new ResponseCache.Remember());
        return FieldVisibility.unblocked(builder).instrumentation(new PerFieldQuietChain(chain));
    }
}
