package io.tandem.taskform;

import java.util.List;

/**
 * What Tasklist's form shows for one task, and what it asks for.
 *
 * @param sections the bet's context for this step, in reading order
 * @param inputs   the fields completing the task takes (lifecycle/TaskInputs)
 */
record TaskForm(String taskId, String name, String description, BetSummary bet, List<Section> sections, Inputs inputs) {

    record BetSummary(String key, String title, String stage, String team, String productLead, String engineeringLead) {
    }

    record Section(String heading, List<Item> items) {
    }

    record Item(String label, String text) {
    }

    /**
     * @param answer   ask for APPROVE or REQUEST_CHANGES
     * @param choice   what an approval chooses, or null when it chooses nothing
     * @param reason   offer a reason, required with REQUEST_CHANGES
     * @param response offer an acknowledgement's response
     * @param forecast offer a commitment approval's sealed forecast
     * @param nonGoals the brief's non-goals an outcome approval attests, in order; empty at every other step
     * @param receipts the bet's receipts an outcome approval settles (value: the receipt's id), in order; empty at every
     *                 other step
     */
    record Inputs(boolean answer, Choice choice, boolean reason, boolean response, boolean forecast, List<String> nonGoals,
                  List<Value> receipts) {
    }

    /** A list to choose from; an approval needs one of its values. */
    record Choice(String label, List<Value> values) {
    }

    record Value(String value, String label) {
    }
}
