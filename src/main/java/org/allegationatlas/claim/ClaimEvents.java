package org.allegationatlas.claim;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/** The stream of stored claims behind the claimAdded subscription; only committed claims reach it. */
@ApplicationScoped
public class ClaimEvents {

    private final BroadcastProcessor<Claim> added = BroadcastProcessor.create();

    void onStored(@Observes(during = TransactionPhase.AFTER_SUCCESS) ClaimsStored stored) {
        stored.claims().forEach(c -> added.onNext(Claim.of(c)));
    }

    public Multi<Claim> added() {
        return added;
    }
}
