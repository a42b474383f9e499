/**
 * The bet's workflow and its gate rules. The BPMN (bpmn/bet-lifecycle.bpmn) drives each bet; the rules run in its
 * task listeners (GateSignOffListener with GateRules, which asks the plain SignOffRules; TaskRules; WorkStepListener),
 * inside the engine's transaction, so GraphQL, Tasklist and the engine API meet the same rules. Owns stages
 * (StageTracker), gate rounds, constraint holds (ConstraintHolds), stall escalations and process upgrades. Offers
 * LifecycleService, the one entry point the other modules use to move a bet. Every rule and the class that enforces
 * it: docs/rules.md.
 */
package io.tandem.lifecycle;
