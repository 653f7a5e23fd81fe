package org.allegationatlas.common;

import java.util.AbstractList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.ConstraintViolationException;

import org.dataloader.BatchLoaderEnvironment;
import org.eclipse.microprofile.graphql.GraphQLException;

import graphql.GraphQLContext;
import graphql.execution.DataFetcherResult;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNamedType;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLType;
import io.quarkus.smallrye.graphql.runtime.spi.datafetcher.QuarkusDefaultDataFetcher;
import io.smallrye.graphql.execution.context.SmallRyeContext;
import io.smallrye.graphql.execution.context.SmallRyeContextManager;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.transformation.AbstractDataFetcherException;
import io.smallrye.graphql.validation.BeanValidationUtil;

/**
 * Quarkus's fetcher of our operations (top-level fields such as {@code claims} and {@code article}, and
 * the batches of relations such as {@code Claim.claimant}), with the request context SmallRye gives each
 * of them built without its selected fields. SmallRye builds them eagerly, twice, as JSON, for every
 * operation and batch (graphql-java's normalized selection of the whole document, then a JSON tree of it):
 * a sixth of the CPU of an executed page of claims, and none of our operations reads them. They are still
 * there, built on first use, for code that asks {@code Context.getSelectedFields()}.
 *
 * <p>It relies on SmallRye's internals (the fetcher it extends, the context's setters), so it is behind a
 * switch: {@code atlas.graphql.lean-context=false} gives SmallRye's own fetcher back
 * ({@code LeanContextOffTest} checks the answers are the same either way).
 */
class LeanOperationFetcher<K, T> extends QuarkusDefaultDataFetcher<K, T> {

    LeanOperationFetcher(Operation operation, Type type) {
        super(operation, type);
    }

    /** SmallRye's {@code AbstractDataFetcher.get}, with the lean context. */
    @Override
    @SuppressWarnings("unchecked")
    public T get(DataFetchingEnvironment dfe) throws Exception {
        SmallRyeContext context = populate(dfe);
        eventEmitter.fireBeforeDataFetch(context);
        DataFetcherResult.Builder<Object> resultBuilder = DataFetcherResult.newResult().localContext(dfe.getGraphQlContext());
        try {
            return invokeAndTransform(context, dfe, resultBuilder, argumentHelper.getArguments(dfe).toArray());
        } catch (AbstractDataFetcherException e) {
            e.appendDataFetcherResult(resultBuilder, dfe);
            eventEmitter.fireOnDataFetchError(context, e);
        } catch (GraphQLException e) {
            errorResultHelper.appendPartialResult(resultBuilder, dfe, e);
            eventEmitter.fireOnDataFetchError(context, e);
        } catch (ConstraintViolationException e) {
            BeanValidationUtil.addConstraintViolationsToDataFetcherResult(e.getConstraintViolations(),
                    operationInvoker.getMethod(), resultBuilder, dfe);
            return (T) resultBuilder.build();
        } catch (Throwable e) {
            eventEmitter.fireOnDataFetchError(context, e);
            throw e;
        }
        return invokeFailure(resultBuilder);
    }

    /** SmallRye's {@code AbstractDataFetcher.load}, with the lean context. */
    @Override
    public CompletionStage<List<T>> load(List<K> keys, BatchLoaderEnvironment ble) {
        Map<String, Object> batchContext = batchLoaderHelper.getBatchContext(keys, ble);
        DataFetchingEnvironment dfe = batchLoaderHelper.getDataFetchingEnvironment(batchContext);
        try {
            populate(dfe);
            return invokeBatch(dfe, batchLoaderHelper.getArguments(batchContext));
        } finally {
            SmallRyeContextManager.clearCurrentSmallRyeContext();
        }
    }

    /** What {@code SmallRyeContextManager.populateFromDataFetchingEnvironment} does, the selected fields left for later. */
    private SmallRyeContext populate(DataFetchingEnvironment dfe) {
        SmallRyeContext current = SmallRyeContextManager.getCurrentSmallRyeContext();
        if (current == null) {
            current = SmallRyeContextManager.restoreSmallRyeContext(dfe);
        }
        if (current == null || !current.hasRequest()) {
            return SmallRyeContextManager.populateFromDataFetchingEnvironment(type, operation, dfe); // which says what is wrong
        }
        SmallRyeContext context = current.clone();
        context.setDataFetchingEnvironment(dfe);
        context.setField(operation);
        context.setArguments(dfe.getArguments());
        context.setPath(dfe.getExecutionStepInfo().getPath().toString());
        context.setExecutionId(dfe.getExecutionId().toString());
        context.setFieldName(dfe.getField().getName());
        context.setSource(dfe.getSource());
        context.setSelectedFields(new Later(() -> full(dfe).getSelectedFields()));
        context.setSelectedAndSourceFields(new Later(() -> full(dfe).getSelectedAndSourceFields()));
        context.setOperationType(dfe.getOperationDefinition().getOperation().toString());
        context.setParentTypeName(typeName(dfe.getParentType()));
        String operationName = dfe.getOperationDefinition().getName();
        if (context.getOperationName().isEmpty() && operationName != null && !operationName.isEmpty()) {
            context.setOperationName(operationName);
        }
        dfe.getGraphQlContext().put(SmallRyeContextManager.CONTEXT, context);
        SmallRyeContextManager.restore(context);
        return context;
    }

    /** SmallRye's full context of this field, built without replacing the current one. */
    private SmallRyeContext full(DataFetchingEnvironment dfe) {
        GraphQLContext graphQL = dfe.getGraphQlContext();
        SmallRyeContext current = SmallRyeContextManager.getCurrentSmallRyeContext();
        Object kept = graphQL.get(SmallRyeContextManager.CONTEXT);
        try {
            return SmallRyeContextManager.populateFromDataFetchingEnvironment(type, operation, dfe);
        } finally {
            SmallRyeContextManager.restore(current);
            if (kept != null) {
                graphQL.put(SmallRyeContextManager.CONTEXT, kept);
            }
        }
    }

    private static String typeName(GraphQLType type) {
        if (type instanceof GraphQLNamedType named) {
            return named.getName();
        }
        if (type instanceof GraphQLNonNull nonNull) {
            return typeName(nonNull.getWrappedType());
        }
        return type instanceof GraphQLList list ? typeName(list.getWrappedType()) : null;
    }

    /** A JSON array built on first use. */
    private static final class Later extends AbstractList<JsonValue> implements JsonArray {
        private final Supplier<JsonArray> build;
        private volatile JsonArray array;

        Later(Supplier<JsonArray> build) {
            this.build = build;
        }

        private JsonArray array() {
            JsonArray built = array;
            if (built == null) {
                array = built = build.get();
            }
            return built;
        }

        @Override
        public JsonValue get(int index) {
            return array().get(index);
        }

        @Override
        public int size() {
            return array().size();
        }

        @Override
        public JsonObject getJsonObject(int index) {
            return array().getJsonObject(index);
        }

        @Override
        public JsonArray getJsonArray(int index) {
            return array().getJsonArray(index);
        }

        @Override
        public JsonNumber getJsonNumber(int index) {
            return array().getJsonNumber(index);
        }

        @Override
        public JsonString getJsonString(int index) {
            return array().getJsonString(index);
        }

        @Override
        public <V extends JsonValue> List<V> getValuesAs(Class<V> clazz) {
            return array().getValuesAs(clazz);
        }

        @Override
        public String getString(int index) {
            return array().getString(index);
        }

        @Override
        public String getString(int index, String defaultValue) {
            return array().getString(index, defaultValue);
        }

        @Override
        public int getInt(int index) {
            return array().getInt(index);
        }

        @Override
        public int getInt(int index, int defaultValue) {
            return array().getInt(index, defaultValue);
        }

        @Override
        public boolean getBoolean(int index) {
            return array().getBoolean(index);
        }

        @Override
        public boolean getBoolean(int index, boolean defaultValue) {
            return array().getBoolean(index, defaultValue);
        }

        @Override
        public boolean isNull(int index) {
            return array().isNull(index);
        }

        @Override
        public ValueType getValueType() {
            return ValueType.ARRAY;
        }

        @Override
        public String toString() {
            return array().toString();
        }
    }
}
