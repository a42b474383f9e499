/**
 * Asks with cost receipts: leadership owns the cost of what it asks of a committed bet. A leader's ask (an earlier
 * window, more scope, a new priority) opens the bet's OPTIONS gate; engineering states the options and what each gives
 * up; product and engineering sign the option they can stand behind, and the asking leader co-signs it as the owner of
 * its cost. The chosen option's cost is a receipt on the leader's name; at the outcome review both sides say, for every
 * receipt, whether it was paid as stated, more or less. Owns {@code ask}, {@code ask_option}, {@code receipt} and
 * {@code receipt_settlement}; offers Asks. The lifecycle runs the gate (its rules are the gate rules of every gate).
 */
package io.tandem.ask;
