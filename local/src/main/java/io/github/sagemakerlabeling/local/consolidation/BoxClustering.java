package io.github.sagemakerlabeling.local.consolidation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.local.workers.WorkerAnswer;
import java.util.ArrayList;
import java.util.List;

/**
 * Bounding boxes: boxes of the same label from different workers that overlap enough (intersection over union at
 * least {@value #MIN_IOU}) are one object; an object needs boxes from at least half the workers to be kept, and is
 * reported as the mean of its boxes with the share of workers who drew it as confidence.
 */
final class BoxClustering implements Consolidator {

    static final double MIN_IOU = 0.5;

    @Override
    public ConsolidatedLabel consolidate(List<WorkerAnswer> answers, List<LabelCategory> labels) {
        List<Cluster> clusters = new ArrayList<>();
        for (int worker = 0; worker < answers.size(); worker++) {
            for (WorkerAnswer.Box box : ((WorkerAnswer.Boxes) answers.get(worker)).boxes()) {
                join(clusters, box, worker);
            }
        }
        int workers = answers.size();
        int quorum = (workers + 1) / 2;
        WorkerAnswer.Boxes first = (WorkerAnswer.Boxes) answers.get(0);
        ArrayNode annotations = JsonNodeFactory.instance.arrayNode();
        ArrayNode objects = JsonNodeFactory.instance.arrayNode();
        ObjectNode classMap = JsonNodeFactory.instance.objectNode();
        for (Cluster cluster : clusters) {
            if (cluster.workers.size() < quorum) {
                continue;
            }
            WorkerAnswer.Box mean = cluster.mean();
            int classId = Consolidator.classId(labels, mean.label());
            annotations.addObject().put("class_id", classId).put("left", mean.left()).put("top", mean.top())
                    .put("width", mean.width()).put("height", mean.height());
            objects.addObject().put("confidence", Consolidator.confidence(cluster.workers.size(), workers));
            classMap.put(String.valueOf(classId), mean.label());
        }
        ObjectNode value = JsonNodeFactory.instance.objectNode();
        value.putArray("image_size").addObject()
                .put("width", first.imageWidth()).put("height", first.imageHeight()).put("depth", 3);
        value.set("annotations", annotations);
        ObjectNode metadata = JsonNodeFactory.instance.objectNode();
        metadata.set("objects", objects);
        metadata.set("class-map", classMap);
        return new ConsolidatedLabel(value, metadata);
    }

    private static void join(List<Cluster> clusters, WorkerAnswer.Box box, int worker) {
        for (Cluster cluster : clusters) {
            if (cluster.label.equals(box.label()) && !cluster.workers.contains(worker)
                    && intersectionOverUnion(cluster.mean(), box) >= MIN_IOU) {
                cluster.add(box, worker);
                return;
            }
        }
        Cluster cluster = new Cluster(box.label());
        cluster.add(box, worker);
        clusters.add(cluster);
    }

    static double intersectionOverUnion(WorkerAnswer.Box a, WorkerAnswer.Box b) {
        long overlapWidth = Math.max(0, Math.min(a.left() + a.width(), b.left() + b.width()) - Math.max(a.left(), b.left()));
        long overlapHeight = Math.max(0, Math.min(a.top() + a.height(), b.top() + b.height()) - Math.max(a.top(), b.top()));
        long intersection = overlapWidth * overlapHeight;
        long union = (long) a.width() * a.height() + (long) b.width() * b.height() - intersection;
        return union <= 0 ? 0 : (double) intersection / union;
    }

    /** Boxes taken to be the same object, at most one per worker. */
    private static final class Cluster {
        final String label;
        final List<WorkerAnswer.Box> boxes = new ArrayList<>();
        final List<Integer> workers = new ArrayList<>();

        Cluster(String label) {
            this.label = label;
        }

        void add(WorkerAnswer.Box box, int worker) {
            boxes.add(box);
            workers.add(worker);
        }

        WorkerAnswer.Box mean() {
            return new WorkerAnswer.Box(label,
                    (int) Math.round(boxes.stream().mapToInt(WorkerAnswer.Box::left).average().orElse(0)),
                    (int) Math.round(boxes.stream().mapToInt(WorkerAnswer.Box::top).average().orElse(0)),
                    (int) Math.round(boxes.stream().mapToInt(WorkerAnswer.Box::width).average().orElse(0)),
                    (int) Math.round(boxes.stream().mapToInt(WorkerAnswer.Box::height).average().orElse(0)));
        }
    }
}
