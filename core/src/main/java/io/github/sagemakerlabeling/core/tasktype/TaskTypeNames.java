package io.github.sagemakerlabeling.core.tasktype;

import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** Maps the names users and AWS give a task type (catalog name, Lambda suffix, ARN, ...) to a {@link TaskType}. */
final class TaskTypeNames {

    /**
     * {@code arn:<partition>:lambda:<region>:<account>:function:PRE-<suffix>} or {@code ACS-<suffix>}, optionally
     * followed by a version or alias qualifier.
     */
    private static final Pattern BUILT_IN_LAMBDA_ARN =
            Pattern.compile("arn:[^:]+:lambda:[^:]+:\\d{12}:function:(?:PRE|ACS)-([A-Za-z0-9]+)(?::[^:]+)?");

    private static final Map<String, TaskType> BY_NORMALIZED_NAME = Arrays.stream(TaskType.values())
            .flatMap(TaskTypeNames::aliases)
            .map(alias -> Map.entry(normalize(alias.getKey()), alias.getValue()))
            .distinct()
            // toMap fails fast should two types ever share a normalized alias.
            .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, Map.Entry::getValue));

    private static final Map<String, TaskType> BY_LAMBDA_SUFFIX = Arrays.stream(TaskType.values())
            .collect(Collectors.toUnmodifiableMap(TaskType::lambdaSuffix, Function.identity()));

    private TaskTypeNames() {
    }

    static Optional<TaskType> find(String name) {
        return name == null ? Optional.empty() : Optional.ofNullable(BY_NORMALIZED_NAME.get(normalize(name)));
    }

    static Violation unknown(String name) {
        String supported = Arrays.stream(TaskType.values())
                .map(TaskType::catalogName)
                .collect(Collectors.joining(", "));
        return new Violation("taskType", name, "must be one of the supported task types: " + supported);
    }

    static Optional<TaskType> fromLambdaArn(String arn) {
        if (arn == null) {
            return Optional.empty();
        }
        Matcher matcher = BUILT_IN_LAMBDA_ARN.matcher(arn);
        return matcher.matches() ? Optional.ofNullable(BY_LAMBDA_SUFFIX.get(matcher.group(1))) : Optional.empty();
    }

    private static Stream<Map.Entry<String, TaskType>> aliases(TaskType type) {
        return Stream.of(type.catalogName(), type.name(), type.lambdaSuffix(), type.displayName())
                .map(alias -> Map.entry(alias, type));
    }

    /** Lower case letters and digits only: "Text Classification (Single Label)" is "textclassificationsinglelabel". */
    private static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
    }
}
