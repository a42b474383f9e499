package io.tandem.support;

/** The keys of the workflow's tasks that tests wait on, named once so that a test reads as the step it means. */
public final class TaskKeys {

    public static final String PRODUCT_FRAMING = "task_sign_framing_product";
    public static final String ENGINEERING_FRAMING = "task_sign_framing_engineering";
    public static final String PRODUCT_COMMITMENT = "task_sign_commitment_product";
    public static final String ENGINEERING_COMMITMENT = "task_sign_commitment_engineering";
    public static final String ACKNOWLEDGE_CONSTRAINT = "task_acknowledge_constraint";

    private TaskKeys() {
    }
}
