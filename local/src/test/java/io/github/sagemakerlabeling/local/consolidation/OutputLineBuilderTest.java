package io.github.sagemakerlabeling.local.consolidation;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.time.LocalDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class OutputLineBuilderTest {

    private static final LocalDateTime CREATED = LocalDateTime.of(2020, 10, 18, 22, 18, 13, 527_256_000);

    @Test
    void writesTheReferenceTextClassificationLine() throws Exception {
        ObjectNode input = (ObjectNode) Json.read("{\"source\":\"The food was delicious\"}");
        ObjectNode metadata = JsonNodeFactory.instance.objectNode().put("class-name", "positive").put("confidence", 0.8);

        ObjectNode line = OutputLineBuilder.build(input, "mood",
                new ConsolidatedLabel(JsonNodeFactory.instance.numberNode(1), metadata),
                Optional.of(TaskType.TEXT_CLASSIFICATION), "label-sentiment", CREATED, Optional.empty(), Optional.empty());

        assertThat(Json.write(line)).isEqualTo(Json.write(Json.read("{\"source\":\"The food was delicious\",\"mood\":1,\"mood-metadata\":{"
                + "\"class-name\":\"positive\",\"confidence\":0.8,\"type\":\"groundtruth/text-classification\","
                + "\"job-name\":\"label-sentiment\",\"human-annotated\":\"yes\","
                + "\"creation-date\":\"2020-10-18T22:18:13.527256\"}}")));
    }

    @Test
    void addsTheServiceChosenDedupIdAndSequencerWhenTheInputNamedNoKey() throws Exception {
        ObjectNode input = (ObjectNode) Json.read("{\"source-ref\":\"s3://bucket/prefix/object1\"}");

        ObjectNode line = OutputLineBuilder.build(input, "label-attribute-name",
                new ConsolidatedLabel(JsonNodeFactory.instance.numberNode(0), JsonNodeFactory.instance.objectNode()),
                Optional.of(TaskType.IMAGE_CLASSIFICATION), "job", CREATED, Optional.of("s3://bucket/prefix/object1#0A1B"),
                Optional.of("0A1B"));

        assertThat(line.get("dataset-objectid-attribute-name").asText()).isEqualTo("$label-attribute-name-object-id");
        assertThat(line.get("$label-attribute-name-object-id").asText()).isEqualTo("s3://bucket/prefix/object1#0A1B");
        assertThat(line.get("$sequencer").asText()).isEqualTo("0A1B");
    }

    @Test
    void keepsTheInputsOwnMembersAndReplacesAPreviousValueOfTheLabelAttribute() throws Exception {
        ObjectNode input = (ObjectNode) Json.read("{\"source\":\"t\",\"batch\":7,\"dataset-objectid-attribute-name\":"
                + "\"byo-key\",\"byo-key\":\"UniqueId\",\"mood\":\"old\"}");

        ObjectNode line = OutputLineBuilder.build(input, "mood",
                new ConsolidatedLabel(JsonNodeFactory.instance.numberNode(0), JsonNodeFactory.instance.objectNode()),
                Optional.of(TaskType.TEXT_CLASSIFICATION_MULTI_LABEL), "job", CREATED, Optional.empty(), Optional.empty());

        assertThat(line.get("batch").asInt()).isEqualTo(7);
        assertThat(line.get("byo-key").asText()).isEqualTo("UniqueId");
        assertThat(line.get("mood").asInt()).isZero();
        assertThat(line.get("mood-metadata").get("job-name").asText()).isEqualTo("labeling-job/job");
        assertThat(line.get("mood-metadata").get("type").asText()).isEqualTo("groundtruth/text-classification-multilabel");
    }
}
