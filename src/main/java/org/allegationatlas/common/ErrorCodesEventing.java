package org.allegationatlas.common;

import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;

import org.allegationatlas.auth.ReadAccess;
import org.allegationatlas.common.graphql.ItemLimit;
import org.jboss.logging.Logger;

import graphql.GraphQL;
import graphql.execution.instrumentation.Instrumentation;
import io.quarkus.runtime.annotations.RegisterForReflection;
import io.smallrye.graphql.spi.EventingService;

/**
 * Adds {@link ReadAccess}, {@link RequestDeadline} and {@link ErrorCodes} to the GraphQL engine SmallRye builds. SmallRye sets its own
 * instrumentations (query cache, depth and complexity limits) just before, and the
 * builder has no getter, so they are read back and chained rather than replaced.
 */
@RegisterForReflection(targets = GraphQL.Builder.class, fields = true)
public class ErrorCodesEventing implements EventingService {

    private static final Logger LOG = Logger.getLogger(ErrorCodesEventing.class);

    @Override
    public String getConfigKey() {
        return "atlas.graphql.instrumentation";
    }

    @Override
    public GraphQL.Builder beforeGraphQLBuild(GraphQL.Builder builder) {
        List<Instrumentation> chain = new ArrayList<>();
        try {
            Field field = GraphQL.Builder.class.getDeclaredField("instrumentation");
            field.setAccessible(true);
            Object existing = field.get(builder);
            if (existing != null) {
                chain.add((Instrumentation) existing);
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.error("Cannot keep SmallRye's instrumentations; GraphQL errors will lack codes", e);
            return builder;
        }
        chain.add(new LeanBatchFetchers());
        chain.add(new ReadAccess());
        chain.addAll(ItemLimit.instrumentations());
        chain.add(new RequestDeadline());
        chain.add(new ErrorCodes());
        chain.add(new ResponseCache.Remember());
        return builder.instrumentation(new PerFieldQuietChain(chain));
    }
}
