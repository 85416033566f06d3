package io.github.sagemakerlabeling.core.dataobject;

import static io.github.sagemakerlabeling.core.dataobject.DataObjectLimits.MAX_ATTRIBUTE_CHARACTERS;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectLimits.MAX_DEDUP_ID_LENGTH;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectLimits.MAX_DEDUP_KEY_LENGTH;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectLimits.MAX_OBJECT_CHARACTERS;
import static io.github.sagemakerlabeling.core.dataobject.DataObjectLimits.MAX_SNS_MESSAGE_BYTES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each limit exactly at its value (passes) and one over (fails). */
class DataObjectLimitsTest {

    private static final String EMOJI = "😀"; // 1 character, 2 UTF-16 units, 4 UTF-8 bytes
    private static final String EURO = "€"; // 1 character, 3 UTF-8 bytes

    private final DataObjectCodec codec = new DataObjectCodec();

    @Test
    void theLimitsAreTheDocumentedOnes() {
        assertThat(MAX_OBJECT_CHARACTERS).isEqualTo(100_000);
        assertThat(MAX_ATTRIBUTE_CHARACTERS).isEqualTo(20_000);
        assertThat(MAX_SNS_MESSAGE_BYTES).isEqualTo(262_144);
        assertThat(MAX_DEDUP_KEY_LENGTH).isEqualTo(140);
        assertThat(MAX_DEDUP_ID_LENGTH).isEqualTo(1_024);
    }

    @Test
    void aTextAttributeMayHave20000Characters() {
        assertThat(codec.validate(DataObject.text("t").withAttribute("note", "n".repeat(20_000)))).isEmpty();
        assertThat(codec.validate(DataObject.text("t").withAttribute("note", "n".repeat(20_001))))
                .singleElement().satisfies(v -> {
                    assertThat(v.field()).isEqualTo("note");
                    assertThat(v.rule()).isEqualTo("an attribute value must be at most 20,000 characters, is 20,001");
                });
    }

    @Test
    void theSourceIsAnAttributeToo() {
        assertThat(codec.validate(DataObject.text("s".repeat(20_000)))).isEmpty();
        assertThat(codec.validate(DataObject.text("s".repeat(20_001))))
                .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("source"));
    }

    @Test
    void aStructuredAttributeIsMeasuredAsCompactJson() {
        String pad = "p".repeat(20_000 - "{\"k\":\"\"}".length());

        assertThat(codec.validate(DataObject.text("t").withAttribute("m", Map.of("k", pad)))).isEmpty();
        assertThat(codec.validate(DataObject.text("t").withAttribute("m", Map.of("k", pad + "p"))))
                .singleElement().satisfies(v -> assertThat(v.field()).isEqualTo("m"));
    }

    @Test
    void charactersAreCodePointsSoEmojiCountOnce() {
        String text = EMOJI.repeat(20_000);

        assertThat(text.length()).isEqualTo(40_000);
        assertThat(codec.validate(DataObject.text(text))).isEmpty();
        assertThat(codec.validate(DataObject.text(text + EMOJI))).singleElement()
                .satisfies(v -> assertThat(v.rule()).endsWith("is 20,001"));
    }

    @Test
    void aLineMayHave100000Characters() {
        DataObject atLimit = paddedToCharacters(MAX_OBJECT_CHARACTERS);
        DataObject overLimit = paddedToCharacters(MAX_OBJECT_CHARACTERS + 1);

        EncodedDataObject encoded = codec.encode(atLimit);
        assertThat(encoded.manifestLine()).hasSize(100_000);
        assertThat(codec.validate(overLimit)).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("manifest line");
            assertThat(v.rule()).isEqualTo("a data object must be at most 100,000 characters as JSON, is 100,001");
        });
    }

    @Test
    void aLineMayHave262144Utf8BytesCountingMultiByteCharacters() {
        DataObject atLimit = paddedToBytes(MAX_SNS_MESSAGE_BYTES);
        DataObject overLimit = paddedToBytes(MAX_SNS_MESSAGE_BYTES + 1);

        EncodedDataObject encoded = codec.encode(atLimit);
        assertThat(encoded.utf8Bytes()).isEqualTo(262_144);
        assertThat(encoded.manifestLine().getBytes(StandardCharsets.UTF_8)).hasSize(262_144);
        assertThat(encoded.manifestLine().codePointCount(0, encoded.manifestLine().length()))
                .isLessThan(MAX_OBJECT_CHARACTERS);
        assertThatThrownBy(() -> codec.encode(overLimit))
                .isInstanceOfSatisfying(LabelingValidationException.class, e -> assertThat(e.violations())
                        .singleElement().satisfies(v -> {
                            assertThat(v.field()).isEqualTo("manifest line");
                            assertThat(v.rule()).isEqualTo(
                                    "the SNS message must be at most 262,144 bytes in UTF-8 (256 KiB), is 262,145");
                        }));
    }

    @Test
    void aDedupKeyMayHave140Characters() {
        String key = "k".repeat(140);

        assertThat(codec.validate(DataObject.text("t").withDedupKey(key))).isEmpty();
        assertThat(codec.validate(DataObject.text("t").withDedupKey(key + "k"))).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("dataset-objectid-attribute-name");
            assertThat(v.rule()).isEqualTo("the deduplication key must be at most 140 characters, is 141");
        });
    }

    @Test
    void aDedupIdMayHave1024Characters() {
        assertThat(codec.validate(DataObject.text("t").withDedupId("i".repeat(1_024)))).isEmpty();
        assertThat(codec.validate(DataObject.text("t").withDedupId(EMOJI.repeat(1_024)))).isEmpty();
        assertThat(codec.validate(DataObject.text("t").withDedupId("i".repeat(1_025)))).singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("labeling-object-id");
                    assertThat(v.rule()).isEqualTo("the deduplication id must be 1 to 1,024 characters, is 1,025");
                });
    }

    /** ASCII attributes of 19,000 characters plus a pad, so the line has exactly {@code characters} characters. */
    private DataObject paddedToCharacters(int characters) {
        DataObject base = DataObject.text("t").withDedupId("id");
        for (int i = 0; i < 5; i++) {
            base = base.withAttribute("a" + i, "a".repeat(19_000));
        }
        int baseLength = codec.encode(base.withAttribute("pad", "")).manifestLine().length();
        return base.withAttribute("pad", "p".repeat(characters - baseLength));
    }

    /** Three attributes of 20,000 emoji (240,000 bytes) plus a pad of euro signs and ASCII to reach {@code bytes}. */
    private DataObject paddedToBytes(int bytes) {
        DataObject base = DataObject.text("t").withDedupId("id");
        for (int i = 0; i < 3; i++) {
            base = base.withAttribute("e" + i, EMOJI.repeat(20_000));
        }
        int missing = bytes - codec.encode(base.withAttribute("pad", "")).utf8Bytes();
        return base.withAttribute("pad", EURO.repeat(missing / 3) + "a".repeat(missing % 3));
    }
}
