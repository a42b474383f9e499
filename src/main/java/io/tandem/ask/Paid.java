package io.tandem.ask;

/** Whether a receipt's cost was paid as stated when the bet's outcome was reviewed. */
public enum Paid {
    AS_STATED, MORE, LESS
}
