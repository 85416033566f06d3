package io.github.sagemakerlabeling.core.spec;

/**
 * One field in which two specs differ.
 *
 * @param field    the field path, as in {@code CreateLabelingJob} ({@code HumanTaskConfig.TaskTitle})
 * @param expected the value the reference spec has
 * @param actual   the value the other spec has
 */
public record SpecDifference(String field, Object expected, Object actual) {

    @Override
    public String toString() {
        return field + ": expected " + expected + " but the job has " + actual;
    }
}
