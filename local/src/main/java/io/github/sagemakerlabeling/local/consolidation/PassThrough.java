package io.github.sagemakerlabeling.local.consolidation;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.util.List;

/** The task types labeled with files or free-form content: the first answer is the label, unchanged. */
final class PassThrough implements Consolidator {

    @Override
    public ConsolidatedLabel consolidate(List<WorkerAnswer> answers, List<LabelCategory> labels) {
        return new ConsolidatedLabel(((WorkerAnswer.Content) answers.get(0)).value(),
                JsonNodeFactory.instance.objectNode());
    }
}
