package io.github.sagemakerlabeling.core.labels;

import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;

/**
 * The rules and quotas of document version 2020-03-01 on {@code categoryGlobalAttributes}, {@code frameAttributes}
 * and each label's {@code categoryAttributes}. A label's quota counts its own attributes plus the global ones.
 */
final class AttributeRules {

    private static final int MAX_ATTRIBUTES = 10;
    private static final int MAX_FREE_TEXT_ATTRIBUTES = 5;
    private static final int MAX_NAME_LENGTH = 16;
    private static final int MAX_DESCRIPTION_LENGTH = 128;
    private static final int MAX_ENUM_VALUES = 10;
    private static final int MAX_ENUM_VALUE_LENGTH = 16;

    private static final String NUMBER = "\"" + AttributeType.NUMBER.value() + "\"";
    private static final String STRING = "\"" + AttributeType.STRING.value() + "\"";

    /** An attribute and the field path it sits at. */
    private record Located(String path, LabelAttribute attribute) {
    }

    private AttributeRules() {
    }

    static void validate(LabelCategoryConfig config, List<Violation> out) {
        List<Located> globals = locate(JsonKeys.CATEGORY_GLOBAL_ATTRIBUTES, config.categoryGlobalAttributes());
        globals.forEach(global -> attribute(global, false, out));
        quotas(JsonKeys.CATEGORY_GLOBAL_ATTRIBUTES, globals, "per label, and these apply to every label", out);
        TextRules.checkUnique(names(globals), 0, "among categoryGlobalAttributes", out);

        List<Located> frames = locate(JsonKeys.FRAME_ATTRIBUTES, config.frameAttributes());
        frames.forEach(frame -> attribute(frame, true, out));
        quotas(JsonKeys.FRAME_ATTRIBUTES, frames, "in frameAttributes", out);
        TextRules.checkUnique(names(frames), 0, "among frameAttributes", out);

        for (int i = 0; i < config.labels().size(); i++) {
            LabelCategory label = config.labels().get(i);
            if (label.categoryAttributes().isEmpty()) {
                continue;
            }
            String path = JsonKeys.LABELS + "[" + i + "]." + JsonKeys.CATEGORY_ATTRIBUTES;
            List<Located> own = locate(path, label.categoryAttributes());
            own.forEach(attribute -> attribute(attribute, false, out));
            List<Located> all = new ArrayList<>(globals);
            all.addAll(own);
            quotas(path, all, "per label, counting categoryGlobalAttributes", out);
            TextRules.checkUnique(names(all), globals.size(),
                    "among the attributes of label '" + label.label() + "', categoryGlobalAttributes included", out);
        }
    }

    private static void attribute(Located located, boolean frameAttribute, List<Violation> out) {
        String path = located.path() + ".";
        LabelAttribute attribute = located.attribute();
        TextRules.checkLength(path + JsonKeys.NAME, attribute.name(), 1, MAX_NAME_LENGTH, out);
        if (frameAttribute && attribute.description().isEmpty()) {
            out.add(new Violation(path + JsonKeys.DESCRIPTION, null, "is required for frame attributes"));
        }
        attribute.description().ifPresent(description ->
                TextRules.checkLength(path + JsonKeys.DESCRIPTION, description, 0, MAX_DESCRIPTION_LENGTH, out));
        if (attribute.type() == AttributeType.NUMBER) {
            numberRange(path, attribute, out);
            if (!attribute.enumValues().isEmpty()) {
                out.add(new Violation(path + JsonKeys.ENUM, attribute.enumValues(), "is only allowed when type is " + STRING));
            }
        } else {
            attribute.minimum().ifPresent(minimum -> out.add(new Violation(path + JsonKeys.MINIMUM, minimum,
                    "is only allowed when type is " + NUMBER)));
            attribute.maximum().ifPresent(maximum -> out.add(new Violation(path + JsonKeys.MAXIMUM, maximum,
                    "is only allowed when type is " + NUMBER)));
            enumValues(path, attribute.enumValues(), out);
        }
    }

    private static void numberRange(String path, LabelAttribute attribute, List<Violation> out) {
        if (attribute.minimum().isEmpty()) {
            out.add(new Violation(path + JsonKeys.MINIMUM, null, "is required when type is " + NUMBER));
        }
        if (attribute.maximum().isEmpty()) {
            out.add(new Violation(path + JsonKeys.MAXIMUM, null, "is required when type is " + NUMBER));
        }
        if (attribute.minimum().isPresent() && attribute.maximum().isPresent()
                && attribute.minimum().getAsLong() > attribute.maximum().getAsLong()) {
            out.add(new Violation(path + JsonKeys.MINIMUM, attribute.minimum().getAsLong(),
                    "must not be greater than maximum (" + attribute.maximum().getAsLong() + ")"));
        }
    }

    private static void enumValues(String path, List<String> values, List<Violation> out) {
        if (values.size() > MAX_ENUM_VALUES) {
            out.add(new Violation(path + JsonKeys.ENUM, values.size(),
                    "must have at most " + MAX_ENUM_VALUES + " values"));
        }
        for (int j = 0; j < values.size(); j++) {
            TextRules.checkLength(path + JsonKeys.ENUM + "[" + j + "]", values.get(j), 1, MAX_ENUM_VALUE_LENGTH, out);
        }
    }

    private static void quotas(String path, List<Located> counted, String scope, List<Violation> out) {
        if (counted.size() > MAX_ATTRIBUTES) {
            out.add(new Violation(path, counted.size(),
                    "at most " + MAX_ATTRIBUTES + " attributes are allowed " + scope));
        }
        long freeText = counted.stream().map(Located::attribute)
                .filter(a -> a.type() == AttributeType.STRING && a.enumValues().isEmpty())
                .count();
        if (freeText > MAX_FREE_TEXT_ATTRIBUTES) {
            out.add(new Violation(path, freeText, "at most " + MAX_FREE_TEXT_ATTRIBUTES
                    + " free-form text attributes (type " + STRING + " without enum) are allowed " + scope));
        }
    }

    private static List<Located> locate(String path, List<LabelAttribute> attributes) {
        List<Located> located = new ArrayList<>();
        for (int i = 0; i < attributes.size(); i++) {
            located.add(new Located(path + "[" + i + "]", attributes.get(i)));
        }
        return located;
    }

    private static List<TextRules.Field> names(List<Located> attributes) {
        return attributes.stream()
                .map(a -> new TextRules.Field(a.path() + "." + JsonKeys.NAME, a.attribute().name()))
                .toList();
    }
}
