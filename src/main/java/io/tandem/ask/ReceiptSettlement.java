package io.tandem.ask;

/**
 * One side's word on one receipt at the outcome review: whether its cost was paid as stated, more or less, and a note
 * (required unless as stated). {@code receiptId} is the receipt's uuid as text, as a task variable carries it.
 */
public record ReceiptSettlement(String receiptId, Paid paid, String note) {
}
