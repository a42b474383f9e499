package io.tandem.outcome;

/** What the outcome review recommends doing with the bet's result next. */
public enum Recommendation {
    /** It worked: make it a standing part of the product. */
    GRADUATE,
    /** Promising but not there: bet again on a sharper version. */
    ITERATE,
    /** Stop investing: what we learned is the result. */
    STOP
}
