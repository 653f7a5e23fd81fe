package org.allegationatlas.claim;

import java.util.List;

/** Fired when a transaction stores claims; subscribers hear of them once it commits. */
public record ClaimsStored(List<ClaimEntity> claims) {
}
