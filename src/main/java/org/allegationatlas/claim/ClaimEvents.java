package org.allegationatlas.claim;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

import org.allegationatlas.common.ApiException;
import org.allegationatlas.common.ErrorCodes;
import org.allegationatlas.common.http.ClientConnection;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;
import io.smallrye.mutiny.subscription.BackPressureFailure;

/**
 * The stream of stored claims behind the claimAdded subscription; only committed claims reach it.
 * Transactions commit on many threads at once, and a processor must be fed by one at a time, so
 * emitting is serialized. Bounds, each with a LIMIT_EXCEEDED error that says what to do:
 * <ul>
 * <li>one node serves at most {@code atlas.subscriptions.max} subscriptions: the next is refused;</li>
 * <li>each subscription sees only the claims it asked for, and at most {@code atlas.subscriptions.backlog}
 * of them wait in the server for it to take them;</li>
 * <li>a client leaves at most {@code atlas.subscriptions.backlog-bytes} sent but unread.</li>
 * </ul>
 * Past either backlog the subscription ends, and the WebSocket is closed with code 1008 (policy
 * violation) and a reason that starts with LIMIT_EXCEEDED: a claimAdded event cannot carry an error
 * (the field is non-null), and a client that does not read would not see one before its backlog anyway.
 */
@ApplicationScoped
public class ClaimEvents {

    /** WebSocket close code for a policy violation (RFC 6455). */
    static final int POLICY_VIOLATION = 1008;
    private static final Logger LOG = Logger.getLogger(ClaimEvents.class);

    private final BroadcastProcessor<Claim> added = BroadcastProcessor.create();
    private final AtomicInteger subscriptions = new AtomicInteger();

    @Inject
    ClaimService claims;
    @ConfigProperty(name = "atlas.subscriptions.max", defaultValue = "100")
    int maxSubscriptions;
    @ConfigProperty(name = "atlas.subscriptions.backlog", defaultValue = "1000")
    int backlog;
    @ConfigProperty(name = "atlas.subscriptions.backlog-bytes", defaultValue = "1M")
    MemorySize backlogBytes;

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClaimsStored stored) {
        if (subscriptions.get() == 0) {
            return; // nobody to tell: no statement (a bulk import stores claims by the million)
        }
        // read back as the API shows them, actors included, once committed
        Map<Long, Claim> byId = claims.byIds(stored.claims().stream().map(c -> c.id).toList());
        List<Claim> claims = stored.claims().stream().map(c -> byId.get(c.id)).filter(Objects::nonNull).toList();
        synchronized (added) {
            claims.forEach(added::onNext);
        }
    }

    /**
     * The claims {@code wanted} selects, as they are stored, for one subscription whose client reads from
     * {@code client} (null where unknown: then only the server's own backlog is bounded).
     * @throws ApiException LIMIT_EXCEEDED when this node already serves as many subscriptions as it may
     */
    public Multi<Claim> subscribe(Predicate<Claim> wanted, ClientConnection client) {
        if (subscriptions.incrementAndGet() > maxSubscriptions) {
            subscriptions.decrementAndGet();
            throw new ApiException(ErrorCodes.LIMIT_EXCEEDED, "This server already streams claims to " + maxSubscriptions
                    + " subscriptions, its limit; try again later, or poll claims(filter: ...)");
        }
        long maxUnread = backlogBytes.asLongValue();
        // filtered first, so that the backlog holds only what this subscription will be sent; delivered on a
        // worker thread, never on the thread that committed the claims
        return added.filter(wanted)
                .onOverflow().buffer(backlog)
                .onFailure(BackPressureFailure.class).invoke(e -> end(client, backlog + " claims waiting"))
                .onFailure(BackPressureFailure.class).recoverWithCompletion()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .select().first(claim -> {
                    if (client != null && client.unreadBytes() > maxUnread) {
                        end(client, maxUnread / 1024 + " KB unread");
                        return false;
                    }
                    return true;
                })
                .onSubscription().invoke(subscription -> {
                    if (client != null) {
                        client.onClose(subscription::cancel); // a closed connection frees its subscriptions at once
                    }
                })
                .onTermination().invoke(subscriptions::decrementAndGet);
    }

    private static void end(ClientConnection client, String backlog) {
        LOG.infof("A claimAdded subscription fell behind (more than %s) and was ended", backlog);
        if (client != null) {
            // a close reason holds at most 123 bytes
            client.closeWebSocket(POLICY_VIOLATION, "LIMIT_EXCEEDED: subscription over " + backlog + "; read faster or"
                    + " subscribe to less, catch up with claims");
        }
    }
}
