package io.tandem.brief;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How much a bet is worth to its people: an amount of person-weeks or person-days, which the betting table weighs
 * against a team's capacity. {@code asWritten} is the free text of a revision written before appetites were numbers,
 * kept as it was; its amount is read from it where it says plainly "6 weeks" or "10 days", and is null otherwise.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Appetite(BigDecimal amount, Unit unit, String asWritten) {

    /** Days of one person-week. */
    static final BigDecimal DAYS_PER_WEEK = BigDecimal.valueOf(5);
    private static final Pattern PLAIN = Pattern.compile(
            "(\\d+(?:\\.\\d)?)\\s*(?:person[- ])?(weeks?|days?)", Pattern.CASE_INSENSITIVE);

    public enum Unit { PERSON_WEEKS, PERSON_DAYS }

    @JsonCreator(mode = JsonCreator.Mode.PROPERTIES)
    public Appetite(@JsonProperty("amount") BigDecimal amount, @JsonProperty("unit") Unit unit,
                    @JsonProperty("asWritten") String asWritten) {
        this.amount = amount;
        this.unit = unit;
        this.asWritten = asWritten;
    }

    /** A revision's free-text appetite, from before appetites were numbers. */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING)
    static Appetite asWritten(String text) {
        Matcher plain = PLAIN.matcher(text.strip());
        if (!plain.matches()) {
            return new Appetite(null, null, text);
        }
        Unit unit = plain.group(2).toLowerCase(Locale.ROOT).startsWith("week") ? Unit.PERSON_WEEKS : Unit.PERSON_DAYS;
        return new Appetite(new BigDecimal(plain.group(1)), unit, text);
    }

    /** The amount in person-weeks (five person-days each), to one decimal; null when it has no amount. */
    @JsonIgnore
    public BigDecimal personWeeks() {
        if (amount == null || unit == null) {
            return null;
        }
        BigDecimal weeks = unit == Unit.PERSON_WEEKS ? amount : amount.divide(DAYS_PER_WEEK, 1, RoundingMode.HALF_UP);
        return weeks.setScale(1, RoundingMode.HALF_UP);
    }

    /** As a person reads it: "6 person-weeks", "10 person-days (2 person-weeks)", or the text as written. */
    public String describe() {
        if (amount == null || unit == null) {
            return asWritten;
        }
        String plain = amount.stripTrailingZeros().toPlainString();
        return unit == Unit.PERSON_WEEKS ? plain + " person-weeks"
                : plain + " person-days (" + personWeeks().stripTrailingZeros().toPlainString() + " person-weeks)";
    }
}
