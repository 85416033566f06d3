package io.github.sagemakerlabeling.local.portal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.json.Json;
import io.github.sagemakerlabeling.local.sagemaker.LocalLabelingJob;
import io.github.sagemakerlabeling.local.workers.TaskPool;
import java.util.List;
import software.amazon.awssdk.services.sagemaker.model.DescribeLabelingJobResponse;
import software.amazon.awssdk.services.sagemaker.model.LabelCounters;

/** The dashboard's data: each job's status and {@code LabelCounters}, and how its work with people stands. */
final class Dashboard {

    private Dashboard() {
    }

    static ObjectNode of(List<LocalLabelingJob> jobs, TaskPool pool) {
        ObjectNode dashboard = Json.mapper().createObjectNode();
        ArrayNode list = dashboard.putArray("jobs");
        for (LocalLabelingJob job : jobs) {
            DescribeLabelingJobResponse described = job.describe();
            LabelCounters counters = described.labelCounters();
            TaskPool.Progress people = pool.progress(job.name());
            ObjectNode entry = list.addObject().put("name", job.name())
                    .put("status", described.labelingJobStatusAsString())
                    .put("title", described.humanTaskConfig().taskTitle())
                    .put("maxConcurrentTaskCount", described.humanTaskConfig().maxConcurrentTaskCount());
            entry.putObject("labelCounters").put("totalLabeled", counters.totalLabeled())
                    .put("humanLabeled", counters.humanLabeled()).put("machineLabeled", counters.machineLabeled())
                    .put("failedNonRetryableError", counters.failedNonRetryableError())
                    .put("unlabeled", counters.unlabeled());
            ObjectNode withPeople = entry.putObject("people").put("openObjects", people.openObjects())
                    .put("takenTasks", people.takenTasks());
            ObjectNode workers = withPeople.putObject("submissionsByWorker");
            people.submissions().forEach(workers::put);
        }
        return dashboard;
    }
}
