package org.allegationatlas.common.data;

import jakarta.enterprise.context.RequestScoped;

import io.quarkus.arc.Arc;
import io.quarkus.arc.Unremovable;

/**
 * Whether the current request runs a mutation. Its statements belong to a write — the checks before it takes the
 * write lock, and the reading of its answer after it committed — so they are not bounded by the statement timeout
 * ({@link ConnectionSettings}): a busy machine that slows the reading of the answer must not report a stored write as
 * failed. The answer is still bounded by the GraphQL limits (depth, complexity, items), and only editors send mutations.
 */
@RequestScoped
@Unremovable // looked up by the pool's interceptor, never injected
public class MutationRequest {

    private boolean mutation;

    public static void markCurrent() {
        if (Arc.container().requestContext().isActive()) {
            Arc.container().instance(MutationRequest.class).get().mark(); // a method: the client proxy passes it to this request's bean
        }
    }

    static boolean isCurrent() {
        return Arc.container().requestContext().isActive() && Arc.container().instance(MutationRequest.class).get().isMutation();
    }

    void mark() {
        mutation = true;
    }

    boolean isMutation() {
        return mutation;
    }
}
