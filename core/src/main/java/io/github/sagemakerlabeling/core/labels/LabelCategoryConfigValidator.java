package io.github.sagemakerlabeling.core.labels;

import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * The rules a label category configuration must meet whatever its task type. Task-type rules (how many labels,
 * required instructions, a required audit attribute) belong to the caller, which can use {@link #labelCount}.
 */
final class LabelCategoryConfigValidator {

    private static final int MAX_LABEL_LENGTH = 256;
    private static final int MAX_LABEL_LENGTH_2020 = 16;
    private static final int MAX_LABELS_2020 = 30;
    /** "Under 255 characters". */
    private static final int MAX_SHORT_INSTRUCTION_LENGTH = 254;
    /** "Under 2,048 characters". */
    private static final int MAX_FULL_INSTRUCTION_LENGTH = 2047;

    private LabelCategoryConfigValidator() {
    }

    static List<Violation> validate(LabelCategoryConfig config) {
        List<Violation> violations = new ArrayList<>();
        boolean attributed = config.documentVersion() == DocumentVersion.V2020_03_01;
        if (attributed) {
            violations.addAll(labelCount(config.labels().size(), 1, OptionalInt.of(MAX_LABELS_2020),
                    Optional.of("in document version " + config.documentVersion().value())));
        }
        labelNames(config.labels(), attributed ? MAX_LABEL_LENGTH_2020 : MAX_LABEL_LENGTH, violations);
        if (attributed) {
            config.instructions().ifPresent(instructions -> instructions(instructions, violations));
            AttributeRules.validate(config, violations);
        }
        return violations;
    }

    /**
     * One violation on {@code labels} when {@code count} is outside {@code minimum..maximum}.
     *
     * @param context appended to the rule, for example {@code "for text classification"}
     */
    static List<Violation> labelCount(int count, int minimum, OptionalInt maximum, Optional<String> context) {
        if (minimum < 0 || maximum.isPresent() && maximum.getAsInt() < minimum) {
            throw new IllegalArgumentException("invalid label count bounds: minimum " + minimum + ", maximum "
                    + (maximum.isPresent() ? maximum.getAsInt() : "none"));
        }
        String suffix = context.map(text -> " " + text).orElse("");
        if (count < minimum) {
            return List.of(new Violation(JsonKeys.LABELS, count,
                    "at least " + labels(minimum) + " required" + suffix));
        }
        if (maximum.isPresent() && count > maximum.getAsInt()) {
            return List.of(new Violation(JsonKeys.LABELS, count,
                    "at most " + labels(maximum.getAsInt()) + " allowed" + suffix));
        }
        return List.of();
    }

    private static String labels(int count) {
        return count == 1 ? "1 label is" : count + " labels are";
    }

    private static void labelNames(List<LabelCategory> labels, int maxLength, List<Violation> out) {
        List<TextRules.Field> names = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String path = JsonKeys.LABELS + "[" + i + "]." + JsonKeys.LABEL;
            TextRules.checkLength(path, labels.get(i).label(), 1, maxLength, out);
            names.add(new TextRules.Field(path, labels.get(i).label()));
        }
        TextRules.checkUnique(names, 0, "among labels", out);
    }

    private static void instructions(Instructions instructions, List<Violation> out) {
        String path = JsonKeys.INSTRUCTIONS + ".";
        instruction(path + JsonKeys.SHORT_INSTRUCTION, instructions.shortInstruction(), MAX_SHORT_INSTRUCTION_LENGTH, out);
        instruction(path + JsonKeys.FULL_INSTRUCTION, instructions.fullInstruction(), MAX_FULL_INSTRUCTION_LENGTH, out);
    }

    private static void instruction(String path, String text, int maxLength, List<Violation> out) {
        if (text == null) {
            out.add(new Violation(path, null, "is required in instructions of document version "
                    + DocumentVersion.V2020_03_01.value()));
        } else {
            TextRules.checkLength(path, text, 0, maxLength, out);
        }
    }
}
