package org.allegationatlas.claim;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import org.allegationatlas.common.ApiException;
import org.allegationatlas.common.ErrorCodes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.BackPressureFailure;

/**
 * The stream of stored claims behind the claimAdded subscription; only committed claims reach it.
 * Transactions commit on many threads at once, and a processor must be fed by one at a time, so
 * emitting is serialized. Each subscription sees only the claims it asked for, keeps at most
 * {@code atlas.subscriptions.backlog} of them waiting for it, and one node serves at most
 * {@code atlas.subscriptions.max} subscriptions: past either limit the subscription ends with a
 * LIMIT_EXCEEDED error that says what to do.
 */
@ApplicationScoped
public class ClaimEvents {

    private final BroadcastProcessor<Claim> added = BroadcastProcessor.create();
    private final AtomicInteger subscriptions = new AtomicInteger();

    @ConfigProperty(name = "atlas.subscriptions.max", defaultValue = "100")
    int maxSubscriptions;
    @ConfigProperty(name = "atlas.subscriptions.backlog", defaultValue = "1000")
    int backlog;

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClaimsStored stored) {
        List<Claim> claims = stored.claims().stream().map(Claim::of).toList();
        synchronized (added) {
            claims.forEach(added::onNext);
        }
    }

    /** The claims {@code wanted} selects, as they are stored, for one subscription. */
    public Multi<Claim> subscribe(Predicate<Claim> wanted) {
        return Multi.createFrom().deferred(() -> {
            if (subscriptions.incrementAndGet() > maxSubscriptions) {
                subscriptions.decrementAndGet();
                return Multi.createFrom().failure(new ApiException(ErrorCodes.LIMIT_EXCEEDED, "This server already streams"
                        + " claims to " + maxSubscriptions + " subscriptions, its limit; try again later, or poll claims(filter: ...)"));
            }
            // filtered first, so that the backlog holds only what this subscription will be sent; delivered on a
            // worker thread, never on the thread that committed the claims
            return added.filter(wanted)
                    .onOverflow().buffer(backlog)
                    .onFailure(BackPressureFailure.class).transform(e -> fellBehind())
                    .emitOn(Infrastructure.getDefaultWorkerPool())
                    .onTermination().invoke(subscriptions::decrementAndGet);
        });
    }

    private ApiException fellBehind() {
        return new ApiException(ErrorCodes.LIMIT_EXCEEDED, "This subscription fell more than " + backlog
                + " claims behind and was ended; read faster or subscribe to fewer claims (subjectCountry), and catch up"
                + " with claims(filter: ...)");
    }
}
