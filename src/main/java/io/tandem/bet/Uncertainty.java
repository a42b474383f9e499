package io.tandem.bet;

/** How much is unknown about the how; HIGH sends the bet through a time-boxed spike. */
public enum Uncertainty {
    LOW, MEDIUM, HIGH
}
