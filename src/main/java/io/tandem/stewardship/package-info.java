/**
 * Stewardship: keeping a bet in good hands over its life. Editing its title, team and plan (by its leads), handing a
 * side's lead over (by the outgoing lead) or reassigning it (the other side's lead and an admin, two people, for a lead
 * who left), each recorded in the decision log with the old and new values. Owns the {@code lead_reassignment} table;
 * the bet's fields and the rule for leads stay in the bet module, moving the side's open tasks in the lifecycle module.
 */
package io.tandem.stewardship;
