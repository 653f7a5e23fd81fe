package org.allegationatlas.common.data;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.arc.Arc;
import io.quarkus.arc.ClientProxy;
import io.quarkus.arc.Unremovable;

/**
 * Whether the current request runs a mutation. Its statements belong to a write — the checks before it takes the
 * write lock, and the reading of its answer after it committed — so they are not bounded by the statement timeout
 * ({@link ConnectionSettings}): a busy machine that slows the reading of the answer must not report a stored write as
 * failed. The answer is still bounded by the GraphQL limits (depth, complexity, items), and only editors send mutations.
 * The mark ends with the operation: a WebSocket's operations share one request context, and the reads that follow a
 * mutation on it are bounded again.
 */
@RequestScoped
@Unremovable // looked up by the pool's interceptor, never injected
public class MutationRequest {

    private volatile boolean mutation;

    /** Marks the current request as a mutation's; run the returned action when the operation ends (on any thread). */
    public static Runnable markCurrent() {
        if (!Arc.container().requestContext().isActive()) {
            return () -> {
            };
        }
        // the request's own instance, not the client proxy, which needs the request active on the thread that ends it
        MutationRequest request = ClientProxy.unwrap(Arc.container().instance(MutationRequest.class).get());
        request.mutation = true;
        return () -> request.mutation = false;
    }

    static boolean isCurrent() {
        return Arc.container().requestContext().isActive() && Arc.container().instance(MutationRequest.class).get().isMutation();
    }

    boolean isMutation() {
        return mutation;
    }
}
