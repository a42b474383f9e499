/**
 * Tasklist's form for Tandem's tasks. Every user task of the lifecycle names one embedded form
 * (bpmn/forms/bet-task.html, deployed with the process); the form asks {@link io.tandem.taskform.TaskFormController}
 * for what the task is about (the bet, and what its step needs: the brief and its success metrics for framing, the
 * options with their gains and give-ups for commitment, the spike's question and findings, the actuals for the outcome
 * review, what the other side signed) and for what completing it takes, and shows the rule's message when the engine
 * refuses the completion. The answer itself goes through the engine as any completion does, so the gate rules decide.
 */
package io.tandem.taskform;
