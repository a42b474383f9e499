package io.tandem.table;

import java.math.BigDecimal;

/** A team's capacity in a cycle and the appetite of the bets placed for it, in person-weeks. */
public record TeamCapacity(String team, BigDecimal personWeeks, BigDecimal placedWeeks) {

    public BigDecimal remainingWeeks() {
        return personWeeks.subtract(placedWeeks);
    }
}
