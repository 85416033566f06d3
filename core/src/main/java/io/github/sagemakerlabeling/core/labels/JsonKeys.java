package io.github.sagemakerlabeling.core.labels;

import java.util.Set;

/** The JSON key names of a label category configuration file, exactly as Ground Truth spells them. */
final class JsonKeys {

    static final String LABELS = "labels";
    static final String CATEGORY_GLOBAL_ATTRIBUTES = "categoryGlobalAttributes";
    static final String FRAME_ATTRIBUTES = "frameAttributes";
    static final String ANNOTATION_TYPE = "annotationType";
    static final String INSTRUCTIONS = "instructions";
    static final String AUDIT_LABEL_ATTRIBUTE_NAME = "auditLabelAttributeName";

    static final String LABEL = "label";
    static final String SHORT_DISPLAY_NAME = "shortDisplayName";
    static final String EDITS_ALLOWED = "editsAllowed";
    static final String CATEGORY_ATTRIBUTES = "categoryAttributes";

    static final String NAME = "name";
    static final String TYPE = "type";
    static final String ENUM = "enum";
    static final String DESCRIPTION = "description";
    static final String MINIMUM = "minimum";
    static final String MAXIMUM = "maximum";
    static final String IS_REQUIRED = "isRequired";

    static final String SHORT_INSTRUCTION = "shortInstruction";
    static final String FULL_INSTRUCTION = "fullInstruction";

    /** Keys modelled at the top level of the document (both version keys included). */
    static final Set<String> CONFIG = Set.of(DocumentVersion.V2018_11_28.jsonKey(),
            DocumentVersion.V2020_03_01.jsonKey(), LABELS, CATEGORY_GLOBAL_ATTRIBUTES, FRAME_ATTRIBUTES,
            ANNOTATION_TYPE, INSTRUCTIONS, AUDIT_LABEL_ATTRIBUTE_NAME);

    /** Keys modelled in an entry of {@code labels}. */
    static final Set<String> LABEL_CATEGORY = Set.of(LABEL, SHORT_DISPLAY_NAME, EDITS_ALLOWED, CATEGORY_ATTRIBUTES);

    /** Keys modelled in an attribute object. */
    static final Set<String> ATTRIBUTE =
            Set.of(NAME, TYPE, ENUM, DESCRIPTION, MINIMUM, MAXIMUM, EDITS_ALLOWED, IS_REQUIRED);

    /** Keys modelled in {@code instructions}. */
    static final Set<String> INSTRUCTIONS_OBJECT = Set.of(SHORT_INSTRUCTION, FULL_INSTRUCTION);

    private JsonKeys() {
    }
}
