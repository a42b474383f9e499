package io.tandem.activity;

import io.tandem.graphql.GlobalId;
import java.time.Instant;
import java.util.UUID;

/** A change as clients see it (BetEvent in the schema): on betChanged, on activityChanged and in the feed's pages. */
public record ActivityEvent(ActivityKind kind, UUID betId, String summary, Instant at, String actor, String actorName,
                            String subjectId) {

    public static ActivityEvent of(Activity activity) {
        return new ActivityEvent(activity.kind(), activity.betId(), activity.summary(), activity.at(), activity.actorId(),
                activity.actorName(), activity.subjectType() == null || activity.subjectId() == null ? null
                : GlobalId.of(activity.subjectType(), activity.subjectId()));
    }
}
