package org.allegationatlas.common;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import org.eclipse.microprofile.config.ConfigProvider;

import graphql.GraphQLException;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.LightDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableBatchableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.PlugableDataFetcher;
import io.smallrye.graphql.execution.datafetcher.helper.FieldHelper;
import io.smallrye.graphql.schema.model.Field;
import io.smallrye.graphql.schema.model.Operation;
import io.smallrye.graphql.schema.model.Reference;
import io.smallrye.graphql.schema.model.Type;
import io.smallrye.graphql.spi.ClassloadingService;
import io.smallrye.graphql.spi.DataFetcherService;

/**
 * Reads a plain property (a record component such as Claim.summary) without SmallRye's per-field
 * context. SmallRye's own field fetcher clones its request context for every field of every item
 * and builds the field's selection set as JSON twice, which made a page of 50 claims cost
 * milliseconds of CPU; no property of ours reads that context. Values still pass through
 * SmallRye's transformation (dates, ids, adapters), so the answers are unchanged.
 */
public class LeanFieldFetchers implements DataFetcherService {

    static final String LEAN_CONTEXT = "atlas.graphql.lean-context";

    @Override
    public Integer getPriority() {
        return 0; // before Quarkus's own service (1), which does not provide field fetchers
    }

    private volatile Boolean lean;
    /**
     * One fetcher per operation: SmallRye asks again for every relation batch of every request (it builds
     * each request's data loaders), and reading the switch and building a fetcher each time was a tenth
     * of the CPU of an executed article with its claims. A fetcher keeps no state of a request.
     */
    private final Map<Identity, LeanOperationFetcher<?, ?>> operationFetchers = new ConcurrentHashMap<>();

    /** Our operations and relation batches: {@link LeanOperationFetcher}, unless switched off. */
    @Override
    public PlugableBatchableDataFetcher<?, ?> getDefaultDataFetcher(Operation operation, Type type) {
        if (!lean()) {
            return null; // Quarkus's own
        }
        return operationFetchers.computeIfAbsent(new Identity(operation, type), key -> new LeanOperationFetcher<>(operation, type));
    }

    /** Properties: {@link PropertyFetcher}, unless switched off (it relies on how SmallRye's transformation reads). */
    @Override
    public PlugableDataFetcher<?> getFieldDataFetcher(Field field, Type type, Reference owner) {
        return lean() ? new PropertyFetcher<>(field, owner) : null; // null: SmallRye's own
    }

    private boolean lean() {
        Boolean on = lean;
        if (on == null) {
            lean = on = ConfigProvider.getConfig().getOptionalValue(LEAN_CONTEXT, Boolean.class).orElse(true);
        }
        return on;
    }

    /** SmallRye's model objects compare by content, at length: these keys compare by identity. */
    private record Identity(Operation operation, Type type) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.operation == operation && that.type == type;
        }

        @Override
        public int hashCode() {
            return 31 * System.identityHashCode(operation) + System.identityHashCode(type);
        }
    }

    /**
     * A {@link LightDataFetcher}: graphql-java then builds the field's environment (a dozen objects per field of
     * every item, a fifth of a long list's CPU) only if the fetcher asks for it. SmallRye's transformation reads
     * the environment only for a list or map (the arguments of a map's key filter), so a single value never asks.
     */
    static final class PropertyFetcher<T> implements PlugableDataFetcher<T>, LightDataFetcher<T> {
        private final Field field;
        private final Reference owner;
        private final FieldHelper transform;
        private final boolean readsEnvironment;
        private volatile MethodHandle getter; // resolved on first use, when the owner class is loadable

        PropertyFetcher(Field field, Reference owner) {
            this.field = field;
            this.owner = owner;
            this.transform = new FieldHelper(field);
            this.readsEnvironment = field.hasWrapper();
        }

        @Override
        public T get(DataFetchingEnvironment environment) throws Exception {
            return get(environment.getSource(), () -> environment);
        }

        @Override
        public T get(GraphQLFieldDefinition definition, Object source, Supplier<DataFetchingEnvironment> environment)
                throws Exception {
            return get(source, environment);
        }

        @SuppressWarnings("unchecked")
        private T get(Object source, Supplier<DataFetchingEnvironment> environment) throws Exception {
            if (source == null) {
                return null;
            }
            try {
                return (T) transform.transformOrAdaptResponse(getter().invoke(source), readsEnvironment ? environment.get() : null);
            } catch (Exception | Error e) {
                throw e;
            } catch (Throwable t) {
                throw new GraphQLException(t);
            }
        }

        private MethodHandle getter() throws ReflectiveOperationException {
            MethodHandle handle = getter;
            if (handle == null) {
                Class<?> type = ClassloadingService.get().loadClass(owner.getClassName());
                MethodHandles.Lookup lookup = MethodHandles.publicLookup();
                handle = field.getMethodName() == null
                        ? lookup.unreflectGetter(type.getField(field.getPropertyName()))
                        : lookup.unreflect(type.getMethod(field.getMethodName()));
                getter = handle = handle.asType(MethodType.methodType(Object.class, Object.class));
            }
            return handle;
        }
    }
}
