package io.github.sagemakerlabeling.core.dataobject;

import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.DEDUP_KEY_ATTRIBUTE;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.SOURCE;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectCodec.SOURCE_REF;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectLimits.MAX_ATTRIBUTE_CHARACTERS;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectLimits.MAX_DEDUP_ID_LENGTH;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectLimits.MAX_DEDUP_KEY_LENGTH;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectLimits.MAX_OBJECT_CHARACTERS;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectLimits.MAX_SNS_MESSAGE_BYTES;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Checks a data object and its encoded line against the Ground Truth and SNS rules, collecting every violation. */
final class DataObjectValidator {

    /** The documented deduplication key pattern; a leading {@code $} is allowed (Ground Truth's own keys use it). */
    private static final Pattern DEDUP_KEY = Pattern.compile("[$a-zA-Z0-9](?:-*+[a-zA-Z0-9])*+");

    /** The widest decimal exponent a JSON writer puts in plain digits (Jackson's limit). */
    private static final int MAX_PLAIN_SCALE = 9_999;

    private DataObjectValidator() {
    }

    /**
     * @param key  the dedup key that will be sent
     * @param id   the dedup id that will be sent, {@code null} if there is none (a key naming a missing source)
     * @param line the manifest line that will be sent
     */
    static List<Violation> validate(DataObject object, String key, String id, String line) {
        List<Violation> violations = new ArrayList<>();
        checkSource(object, violations);
        checkAttributes(object, violations);
        checkDedup(object, key, id, violations);
        checkLine(line, violations);
        return violations;
    }

    /**
     * Numbers the manifest line cannot carry: the line writes decimals in plain notation (as they came), which JSON
     * writers refuse beyond a decimal exponent of 9,999, so {@code 1e100000} cannot be sent as a number. Checked
     * before anything is written.
     */
    static List<Violation> unwritableNumbers(DataObject object) {
        List<Violation> violations = new ArrayList<>();
        object.attributes().forEach((name, value) -> collectUnwritable(name, value, violations));
        return violations;
    }

    private static void collectUnwritable(String path, JsonNode node, List<Violation> violations) {
        if (node.isContainerNode()) {
            node.properties().forEach(entry -> collectUnwritable(path + "." + entry.getKey(), entry.getValue(),
                    violations));
            for (int i = 0; node.isArray() && i < node.size(); i++) {
                collectUnwritable(path + "[" + i + "]", node.get(i), violations);
            }
        } else if (node.isBigDecimal() && Math.abs(node.decimalValue().scale()) > MAX_PLAIN_SCALE) {
            violations.add(new Violation(path, node.decimalValue().toString(), "a number's decimal exponent must"
                    + " lie within +/-" + count(MAX_PLAIN_SCALE) + " (it is written in plain digits); send it as a"
                    + " string"));
        }
    }

    private static void checkSource(DataObject object, List<Violation> violations) {
        Optional<String> source = object.source();
        Optional<String> sourceRef = object.sourceRef();
        if (source.isEmpty() && sourceRef.isEmpty()) {
            violations.add(new Violation(SOURCE, null,
                    "exactly one of 'source' (text) or 'source-ref' (an s3:// URI) is required; neither is set"));
        }
        if (source.isPresent() && sourceRef.isPresent()) {
            violations.add(new Violation(SOURCE_REF, sourceRef.get(),
                    "exactly one of 'source' (text) or 'source-ref' (an s3:// URI) is allowed; both are set"));
        }
        source.ifPresent(text -> checkAttributeSize(SOURCE, TextNode.valueOf(text), violations));
        sourceRef.ifPresent(uri -> {
            violations.addAll(S3Uri.violations(SOURCE_REF, uri));
            checkAttributeSize(SOURCE_REF, TextNode.valueOf(uri), violations);
        });
    }

    private static void checkAttributes(DataObject object, List<Violation> violations) {
        object.attributes().forEach((name, value) -> {
            if (name.isEmpty()) {
                violations.add(new Violation("attribute name", name, "must not be empty"));
            } else if (name.startsWith("$")) {
                violations.add(new Violation("attribute name", name, "must not start with '$' (Ground Truth"
                        + " reserves such names; only the attribute holding the deduplication id may)"));
            }
            checkAttributeSize(name, value, violations);
        });
    }

    private static void checkAttributeSize(String name, JsonNode value, List<Violation> violations) {
        int characters = JsonValues.characters(value);
        if (characters > MAX_ATTRIBUTE_CHARACTERS) {
            violations.add(new Violation(name, value.isTextual() ? value.textValue() : Json.write(value),
                    "an attribute value must be at most " + count(MAX_ATTRIBUTE_CHARACTERS) + " characters, is "
                            + count(characters)));
        }
    }

    private static void checkDedup(DataObject object, String key, String id, List<Violation> violations) {
        if (!DEDUP_KEY.matcher(key).matches()) {
            violations.add(new Violation(DEDUP_KEY_ATTRIBUTE, key, "the deduplication key must match"
                    + " [$a-zA-Z0-9](-*[a-zA-Z0-9])*: letters and digits, joined by hyphens, optionally starting"
                    + " with '$'"));
        }
        int keyLength = JsonValues.characters(key);
        if (keyLength > MAX_DEDUP_KEY_LENGTH) {
            violations.add(new Violation(DEDUP_KEY_ATTRIBUTE, key, "the deduplication key must be at most "
                    + MAX_DEDUP_KEY_LENGTH + " characters, is " + count(keyLength)));
        }
        if (key.equals(DEDUP_KEY_ATTRIBUTE)) {
            violations.add(new Violation(DEDUP_KEY_ATTRIBUTE, key, "must name the attribute holding the"
                    + " deduplication id, not itself"));
        }
        boolean namesSource = key.equals(SOURCE) || key.equals(SOURCE_REF);
        if (namesSource && id == null) {
            violations.add(new Violation(DEDUP_KEY_ATTRIBUTE, key, "names '" + key + "' as the deduplication id,"
                    + " but the object has no '" + key + "'"));
        }
        // Any string is accepted as the id. The documented id pattern ^(https|s3)://([^/]+)/?(.*)$ is contradicted
        // by AWS's own bring-your-own-key example, whose id is "UniqueId"; only the length is enforced.
        if (id != null) {
            int idLength = JsonValues.characters(id);
            if (idLength == 0 || idLength > MAX_DEDUP_ID_LENGTH) {
                violations.add(new Violation(key, id, "the deduplication id must be 1 to "
                        + count(MAX_DEDUP_ID_LENGTH) + " characters, is " + count(idLength)));
            }
        }
    }

    private static void checkLine(String line, List<Violation> violations) {
        int characters = JsonValues.characters(line);
        if (characters > MAX_OBJECT_CHARACTERS) {
            violations.add(new Violation("manifest line", line, "a data object must be at most "
                    + count(MAX_OBJECT_CHARACTERS) + " characters as JSON, is " + count(characters)));
        }
        int bytes = JsonValues.utf8Bytes(line);
        if (bytes > MAX_SNS_MESSAGE_BYTES) {
            violations.add(new Violation("manifest line", line, "the SNS message must be at most "
                    + count(MAX_SNS_MESSAGE_BYTES) + " bytes in UTF-8 (256 KiB), is " + count(bytes)));
        }
    }

    private static String count(int number) {
        return String.format(Locale.ROOT, "%,d", number);
    }
}
