package io.github.sagemakerlabeling.core.service;

import io.github.sagemakerlabeling.core.labels.DocumentVersion;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What a review job (adjustment or verification) chained on an earlier streaming job takes from it: the earlier
 * job's output topic as its input topic, the label attribute whose labels it reviews, and that job's task type and
 * label categories. Made by {@link ReviewChain#link(String)}.
 *
 * @param previousJobName        the job whose labels are reviewed
 * @param previousTaskType       its built-in task type
 * @param previousLabelAttribute its {@code LabelAttributeName}: the attribute the review job's input lines carry
 * @param inputTopicArn          its output topic, the review job's input topic
 * @param previousLabels         its label categories, in order (empty when its configuration could not be read)
 */
public record ChainLink(String previousJobName, TaskType previousTaskType, String previousLabelAttribute,
                        String inputTopicArn, List<LabelCategory> previousLabels) {

    /** The verdicts a verification job offers unless told otherwise: index 1 is "bad", as in AWS's example output. */
    public static final List<String> DEFAULT_VERDICTS = List.of("good", "bad");

    public ChainLink {
        Objects.requireNonNull(previousJobName, "previousJobName");
        Objects.requireNonNull(previousTaskType, "previousTaskType");
        Objects.requireNonNull(previousLabelAttribute, "previousLabelAttribute");
        Objects.requireNonNull(inputTopicArn, "inputTopicArn");
        previousLabels = List.copyOf(previousLabels);
    }

    /**
     * The review task type of the chained job. {@code requested} may be empty (then an adjustment of the earlier
     * job's labels), {@code adjustment} or {@code verification} (the review of that kind of the earlier job's base
     * type), or the name of a review type that reviews the earlier job's base type.
     *
     * @throws LabelingValidationException (field {@code taskType}) when the earlier job's type has no review type of
     *                                     that kind, or the named type does not review it
     */
    public TaskType reviewType(Optional<String> requested) {
        TaskType base = previousTaskType.baseType().orElse(previousTaskType);
        String wanted = requested.map(name -> name.trim().toLowerCase(Locale.ROOT)).orElse("adjustment");
        if (wanted.equals("adjustment") || wanted.equals("verification")) {
            return reviewOf(base, wanted).orElseThrow(() -> invalid(requested.orElse(null), "names a review that "
                    + base.displayName() + " labels (of job " + previousJobName + ") do not have; they can be "
                    + reviewsOf(base)));
        }
        TaskType named = TaskType.fromName(requested.orElseThrow());
        if (named.baseType().filter(base::equals).isEmpty()) {
            throw invalid(requested.get(), "must review " + base.displayName() + " labels, the labels of job "
                    + previousJobName + " (chainFrom): use adjustment or verification, or one of " + reviewsOf(base));
        }
        return named;
    }

    /**
     * The label category configuration of the review job: for an adjustment the earlier job's labels (Ground Truth
     * asks for the same labels), for a verification the verdicts workers choose from ({@link #DEFAULT_VERDICTS}
     * unless {@code labels} are given); either way {@code auditLabelAttributeName} names the reviewed attribute.
     *
     * @param reviewType the review job's type, from {@link #reviewType}
     * @param labels     the labels the user gave, empty to take the default
     */
    public LabelCategoryConfig labelCategoryConfig(TaskType reviewType, List<String> labels) {
        DocumentVersion version = reviewType.usesFrameLabelConfig() ? DocumentVersion.V2020_03_01
                : DocumentVersion.V2018_11_28;
        LabelCategoryConfig.Builder config = LabelCategoryConfig.builder(version);
        if (!labels.isEmpty()) {
            labels.forEach(config::label);
        } else if (reviewType.isVerification()) {
            DEFAULT_VERDICTS.forEach(config::label);
        } else {
            previousLabels.forEach(config::label);
        }
        return config.auditLabelAttributeName(previousLabelAttribute).build();
    }

    private static Optional<TaskType> reviewOf(TaskType base, String kind) {
        return Arrays.stream(TaskType.values())
                .filter(type -> type.baseType().filter(base::equals).isPresent())
                .filter(type -> type.isVerification() == kind.equals("verification"))
                .findFirst();
    }

    private static String reviewsOf(TaskType base) {
        List<String> names = Arrays.stream(TaskType.values())
                .filter(type -> type.baseType().filter(base::equals).isPresent())
                .map(TaskType::catalogName).toList();
        return names.isEmpty() ? "reviewed by no built-in task type" : String.join(", ", names);
    }

    private static LabelingValidationException invalid(String value, String rule) {
        return new LabelingValidationException("The chained review job", List.of(new Violation("taskType", value,
                rule)));
    }
}
