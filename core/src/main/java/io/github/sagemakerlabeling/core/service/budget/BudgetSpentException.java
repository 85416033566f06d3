package io.github.sagemakerlabeling.core.service.budget;

import io.github.sagemakerlabeling.core.service.LabelingJobException;

/** A data object was not sent because the job's budget of objects (in total or for the day) is spent. */
public class BudgetSpentException extends LabelingJobException {

    private final String option;
    private final long limit;
    private final long spent;

    public BudgetSpentException(String message, String option, long limit, long spent) {
        super(message);
        this.option = option;
        this.limit = limit;
        this.spent = spent;
    }

    /** The budget's option: {@code maxObjects} or {@code maxObjectsPerDay}. */
    public String option() {
        return option;
    }

    /** The most objects the budget allows now. */
    public long limit() {
        return limit;
    }

    /** The objects the job took on, with those sent since it was last described. */
    public long spent() {
        return spent;
    }
}
