package io.tandem.activity;

import java.util.List;
import java.util.UUID;

/** Which changes a feed reader wants: any of these kinds, of one team, of one bet; null or empty: all. */
public record ActivityFilter(List<ActivityKind> kinds, String team, UUID betId) {

    public static final ActivityFilter ALL = new ActivityFilter(null, null, null);

    public boolean matches(Activity activity) {
        return (kinds == null || kinds.isEmpty() || kinds.contains(activity.kind()))
                && (team == null || team.equals(activity.team()))
                && (betId == null || betId.equals(activity.betId()));
    }
}
