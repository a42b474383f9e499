/**
 * Keeping each bet and its workflow in agreement. Finds the bets that are not CLOSED whose process is gone, waits on
 * nothing, is suspended or has an open incident (BrokenWorkflowQuery), and reports them to readers (GraphQL
 * {@code workflowProblems}), to operators ({@code /actuator/health/workflows}) and to Prometheus
 * ({@code tandem_bets_workflow_broken{problem}}). An admin restarts a gone or stuck workflow at the entry of the bet's
 * stage (WorkflowRestart), on the record: an OPERATOR_INTERVENTION entry in the bet's decision log.
 */
package io.tandem.operations;
