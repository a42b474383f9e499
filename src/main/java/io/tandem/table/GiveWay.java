package io.tandem.table;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * What gives way so a placement fits a team's capacity: REMOVE a placed pitch from the table, MOVE it to a later cycle
 * (pitched there again), or RAISE_CAPACITY to {@code personWeeks}; always with a reason.
 */
public record GiveWay(Kind kind, UUID pitchId, UUID toCycleId, BigDecimal personWeeks, String reason) {

    public enum Kind { REMOVE, MOVE, RAISE_CAPACITY }
}
