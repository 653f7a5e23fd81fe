package org.allegationatlas.common.graphql;

import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.persistence.TypedQuery;

import org.allegationatlas.common.ApiException;
import org.allegationatlas.common.ErrorCodes;
import org.allegationatlas.common.LeastRecentlyUsed;
import org.eclipse.microprofile.config.ConfigProvider;

import graphql.ExceptionWhileDataFetching;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.GraphqlErrorBuilder;
import graphql.analysis.MaxQueryComplexityInstrumentation;
import graphql.analysis.MaxQueryDepthInstrumentation;
import graphql.analysis.QueryTraverser;
import graphql.analysis.QueryVisitorFieldEnvironment;
import graphql.analysis.QueryVisitorStub;
import graphql.execution.AbortExecutionException;
import graphql.execution.ExecutionContext;
import graphql.execution.FetchedValue;
import graphql.execution.instrumentation.ChainedInstrumentation;
import graphql.execution.instrumentation.Instrumentation;
import graphql.execution.instrumentation.InstrumentationContext;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationCreateStateParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecuteOperationParameters;
import graphql.execution.instrumentation.parameters.InstrumentationExecutionParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldCompleteParameters;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.language.OperationDefinition;
import graphql.schema.DataFetcher;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;

/**
 * Bounds the work of one request by the list items it may return, all lists and levels together
 * (claims, actors, edges, countries, aliases...): at most {@code atlas.graphql.max-items}. The
 * field-count limit cannot see that {@code first} multiplies at every level:
 * {@code countries { allegationsAgainst(first: 100) { edges { node { claimant { claimsMade(first: 100) ...}
 * would return 249 x 100 x 100 claims. Three guards:
 * <ul>
 * <li>{@link Estimate}, before anything runs: each list counts its {@code first} (a connection, its
 * edges), the countries all 249, any other list {@link #UNPAGED_ESTIMATE}, multiplied through the levels;</li>
 * <li>{@link Count}, while it runs: the items the lists really hold, for lists whose length the
 * estimate could only guess; past the limit no further field is fetched, and the answer is one error;</li>
 * <li>{@link #atMost}, in the loaders of lists that have no {@code first}: never more rows than the limit.</li>
 * </ul>
 * Introspection (GraphiQL's schema query) reads the schema in memory and is not counted.
 */
public final class ItemLimit {

    /** What a list without {@code first} counts for in the estimate: the default page size. */
    static final int UNPAGED_ESTIMATE = 20;
    private static final String CONFIG = "atlas.graphql.max-items";
    private static final String MAX_FIELDS = "quarkus.smallrye-graphql.instrumentation-query-complexity";
    private static final String MAX_DEPTH = "quarkus.smallrye-graphql.instrumentation-query-depth";
    private static final int COUNTRIES = Locale.getISOCountries().length;
    private static final String ASK_FOR_LESS = "; ask for fewer items (a smaller first) or fewer nested lists";

    private ItemLimit() {
    }

    public static int max() {
        return ConfigProvider.getConfig().getOptionalValue(CONFIG, Integer.class).orElse(50_000);
    }

    /** The two instrumentations, for the engine's chain. */
    public static List<Instrumentation> instrumentations() {
        int max = max();
        var config = ConfigProvider.getConfig();
        int maxFields = config.getOptionalValue(MAX_FIELDS, Integer.class).orElse(Integer.MAX_VALUE);
        int maxDepth = config.getOptionalValue(MAX_DEPTH, Integer.class).orElse(Integer.MAX_VALUE);
        return List.of(new Estimate(max, maxFields, maxDepth), new Count(max));
    }

    /**
     * Runs the query of a list that has no {@code first} (the claims of some articles) for at most
     * {@code max} rows, and refuses when there are more: a request never loads them all.
     */
    public static <T> List<T> atMost(TypedQuery<T> query, int max, String what) {
        return atMost(query.setMaxResults(max + 1).getResultList(), max, what);
    }

    /** The rows of a list without {@code first}, read with at most {@code max + 1} rows; refused when there are more than {@code max}. */
    public static <T> List<T> atMost(List<T> rows, int max, String what) {
        if (rows.size() > max) {
            throw new ApiException(ErrorCodes.LIMIT_EXCEEDED, "This request would load more than " + String.format("%,d", max)
                    + " " + what + ", the limit of one request" + ASK_FOR_LESS);
        }
        return rows;
    }

    static boolean introspection(String parentType, String field) {
        return field.startsWith("__") || parentType.startsWith("__");
    }

    /**
     * The estimate before execution, over the document with its fragments expanded; in the same walk, the
     * field count and depth limits SmallRye would check with two walks of its own
     * ({@code quarkus.smallrye-graphql.instrumentation-query-complexity} and {@code -depth}: graphql-java's
     * {@link MaxQueryComplexityInstrumentation} and {@link MaxQueryDepthInstrumentation}, which
     * {@link #withoutOwnWalks} then leaves out), with their messages, checked in their order. Three walks of
     * the document were a twelfth of the CPU of an executed page of claims.
     */
    public static final class Estimate extends SimplePerformantInstrumentation {

        private final int max;
        private final int maxFields;
        private final int maxDepth;

        Estimate(int max, int maxFields, int maxDepth) {
            this.max = max;
            this.maxFields = maxFields;
            this.maxDepth = maxDepth;
        }

        /** Per field: the fields and the items under it, summed as graphql-java's complexity calculator sums them. */
        private static final class Below {
            long fields;
            long items;
        }

        /** What the walk of one document found: the numbers the three limits are checked against. */
        private record Totals(long fields, long items, int depth) {
        }

        /** A question asked before: the document's text, its operation, its variables. */
        private record Asked(String query, String operationName, Map<String, Object> variables) {
        }

        /**
         * The totals of questions asked before: clients repeat the same questions, and the walk was a tenth of the
         * CPU of an executed article with its claims. Kept only for a document of at most {@link #REMEMBERED_QUERY_CHARS}
         * and a few short scalar variables (the key holds them), at most {@link #REMEMBERED}, the least recently asked
         * dropped first.
         */
        private final Map<Asked, Totals> remembered = Collections.synchronizedMap(LeastRecentlyUsed.map(REMEMBERED));
        private static final int REMEMBERED = 256;
        private static final int REMEMBERED_QUERY_CHARS = 16 * 1024;
        private static final int REMEMBERED_VARIABLES = 16;
        private static final int REMEMBERED_STRING_CHARS = 256;

        @Override
        public InstrumentationContext<ExecutionResult> beginExecuteOperation(InstrumentationExecuteOperationParameters parameters,
                InstrumentationState state) {
            ExecutionContext execution = parameters.getExecutionContext();
            String query = execution.getExecutionInput().getQuery();
            Map<String, Object> variables = execution.getCoercedVariables().toMap();
            Asked asked = rememberable(query, variables)
                    ? new Asked(query, execution.getExecutionInput().getOperationName(), variables)
                    : null;
            Totals totals = asked == null ? null : remembered.get(asked);
            if (totals == null) {
                totals = walk(execution);
                if (asked != null) {
                    remembered.put(asked, totals);
                }
            }
            if (totals.fields() > maxFields) {
                throw new AbortExecutionException("maximum query complexity exceeded " + totals.fields() + " > " + maxFields);
            }
            if (totals.depth() > maxDepth) {
                throw new AbortExecutionException("maximum query depth exceeded " + totals.depth() + " > " + maxDepth);
            }
            if (totals.items() > max) {
                throw tooMany((int) totals.items());
            }
            return null;
        }

        private static boolean rememberable(String query, Map<String, Object> variables) {
            return query != null && query.length() <= REMEMBERED_QUERY_CHARS && variables.size() <= REMEMBERED_VARIABLES && variables.values().stream()
                    .allMatch(v -> v == null || v instanceof Number || v instanceof Boolean
                            || v instanceof String text && text.length() <= REMEMBERED_STRING_CHARS);
        }

        private static Totals walk(ExecutionContext execution) {
            Map<QueryVisitorFieldEnvironment, Below> below = new HashMap<>();
            int[] depth = { 0 };
            QueryTraverser.newQueryTraverser().schema(execution.getGraphQLSchema()).document(execution.getDocument())
                    .operationName(execution.getExecutionInput().getOperationName()).coercedVariables(execution.getCoercedVariables())
                    .build().visitPostOrder(new QueryVisitorStub() {
                        @Override
                        public void visitField(QueryVisitorFieldEnvironment field) {
                            Below children = below.get(field); // by equality, as graphql-java's calculator keys them
                            long childFields = children == null ? 0 : children.fields;
                            long childItems = children == null ? 0 : children.items;
                            Below parent = below.computeIfAbsent(field.getParentEnvironment(), k -> new Below());
                            if (!field.isTypeNameIntrospectionField()) {
                                parent.fields = Math.min(Integer.MAX_VALUE, parent.fields + 1 + childFields);
                                parent.items = Math.min(Integer.MAX_VALUE, parent.items + items(field, childItems));
                            }
                            int level = 1;
                            for (QueryVisitorFieldEnvironment up = field.getParentEnvironment(); up != null; up = up.getParentEnvironment()) {
                                level++;
                            }
                            depth[0] = Math.max(depth[0], level);
                        }
                    });
            Below operation = below.getOrDefault(null, new Below());
            return new Totals(operation.fields, operation.items, depth[0]);
        }

        /** Items a field may return: its own if it is a list, times what each of them holds. */
        static long items(QueryVisitorFieldEnvironment field, long childItems) {
            if (introspection(field.getFieldsContainer().getName(), field.getFieldDefinition().getName())) {
                return 0;
            }
            long size = listSize(field);
            return size == 0 ? childItems : Math.min(Integer.MAX_VALUE, size + size * childItems);
        }

        private static long listSize(QueryVisitorFieldEnvironment field) {
            GraphQLType type = GraphQLTypeUtil.unwrapNonNull(field.getFieldDefinition().getType());
            if (!(type instanceof GraphQLList)) {
                return 0;
            }
            if (field.getArguments().containsKey("first")) {
                return first(field.getArguments());
            }
            QueryVisitorFieldEnvironment parent = field.getParentEnvironment();
            if ("edges".equals(field.getFieldDefinition().getName()) && parent != null
                    && parent.getArguments().containsKey("first")) {
                return first(parent.getArguments());
            }
            if ("Query".equals(field.getFieldsContainer().getName()) && "countries".equals(field.getFieldDefinition().getName())) {
                return COUNTRIES;
            }
            return UNPAGED_ESTIMATE;
        }

        private static long first(Map<String, Object> arguments) {
            Object first = arguments.get("first");
            return first instanceof Number n ? Math.max(0, n.longValue()) : UNPAGED_ESTIMATE;
        }

        private AbortExecutionException tooMany(int totalItems) {
            String estimate = totalItems == Integer.MAX_VALUE ? "billions of" : String.format("%,d", totalItems);
            return new AbortExecutionException(List.of(error("This query could return up to " + estimate
                    + " list items (each list counted at its first, " + UNPAGED_ESTIMATE + " if it has none, countries at "
                    + COUNTRIES + "), more than the limit of " + String.format("%,d", max) + " per request" + ASK_FOR_LESS)));
        }
    }

    /**
     * SmallRye's instrumentations without the document walks {@link Estimate} does for them (nested chains
     * flattened); any other member, or a subclass of those two, is kept.
     */
    public static List<Instrumentation> withoutOwnWalks(Instrumentation smallRyes) {
        if (smallRyes instanceof ChainedInstrumentation chain) {
            return chain.getInstrumentations().stream().flatMap(i -> withoutOwnWalks(i).stream()).toList();
        }
        boolean walk = smallRyes.getClass() == MaxQueryComplexityInstrumentation.class
                || smallRyes.getClass() == MaxQueryDepthInstrumentation.class;
        return walk ? List.of() : List.of(smallRyes);
    }

    /** The items lists really held, counted as each list is completed. */
    public static final class Count extends SimplePerformantInstrumentation implements LeavesPropertiesAlone {

        private final int max;

        Count(int max) {
            this.max = max;
        }

        private static final class Items implements InstrumentationState {
            final AtomicLong count = new AtomicLong();
            volatile boolean exceeded;
        }

        @Override
        public InstrumentationState createState(InstrumentationCreateStateParameters parameters) {
            return new Items();
        }

        @Override
        public InstrumentationContext<Object> beginFieldListCompletion(InstrumentationFieldCompleteParameters parameters,
                InstrumentationState state) {
            if (state instanceof Items items && !items.exceeded
                    && parameters.getExecutionContext().getOperationDefinition().getOperation() != OperationDefinition.Operation.SUBSCRIPTION
                    && !introspection(parameters.getExecutionStepInfo().getObjectType().getName(), parameters.getField().getName())
                    && items.count.addAndGet(size(parameters.getFetchedValue())) > max) {
                items.exceeded = true;
            }
            return null;
        }

        private static long size(Object fetched) {
            Object value = fetched instanceof FetchedValue f ? f.getFetchedValue() : fetched;
            if (value instanceof Collection<?> collection) {
                return collection.size();
            }
            return value instanceof Object[] array ? array.length : 0;
        }

        @Override
        public DataFetcher<?> instrumentDataFetcher(DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters,
                InstrumentationState state) {
            if (!(state instanceof Items items) || parameters.isTrivialDataFetcher()) {
                return dataFetcher; // reading a property loads nothing
            }
            return environment -> {
                if (items.exceeded) {
                    throw new ApiException(ErrorCodes.LIMIT_EXCEEDED, stopped());
                }
                return dataFetcher.get(environment);
            };
        }

        @Override
        public CompletableFuture<ExecutionResult> instrumentExecutionResult(ExecutionResult result,
                InstrumentationExecutionParameters parameters, InstrumentationState state) {
            String refusal = state instanceof Items items && items.exceeded ? stopped() : loaderRefusal(result);
            if (refusal != null) {
                // one error rather than one per field or parent that was refused, and no partial answer
                return CompletableFuture.completedFuture(ExecutionResult.newExecutionResult().data(null)
                        .addError(error(refusal)).build());
            }
            return CompletableFuture.completedFuture(result);
        }

        /** The message of the first refusal of {@link ItemLimit#atMost} among the errors, or null. */
        private static String loaderRefusal(ExecutionResult result) {
            for (GraphQLError error : result.getErrors()) {
                if (error instanceof ExceptionWhileDataFetching fetching) {
                    for (Throwable t = fetching.getException(); t != null; t = t.getCause() == t ? null : t.getCause()) {
                        if (t instanceof ApiException api && ErrorCodes.LIMIT_EXCEEDED.equals(api.code())) {
                            return api.getMessage();
                        }
                    }
                }
            }
            return null;
        }

        private String stopped() {
            return "This query returned more than " + String.format("%,d", max)
                    + " list items, the limit of one request, and was stopped" + ASK_FOR_LESS;
        }
    }

    private static GraphQLError error(String message) {
        return GraphqlErrorBuilder.newError().message(message)
                .extensions(Map.of("code", ErrorCodes.LIMIT_EXCEEDED))
                .errorType(graphql.ErrorClassification.errorClassification(ErrorCodes.LIMIT_EXCEEDED)).build();
    }
}
