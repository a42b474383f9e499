package io.tandem.brief;

import java.util.UUID;

/** Published inside the revising transaction: sign-offs given on an earlier text no longer count. */
public record BriefRevised(UUID betId, int revision, String contentHash) {
}
