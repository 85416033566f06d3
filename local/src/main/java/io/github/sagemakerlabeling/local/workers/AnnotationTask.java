package io.github.sagemakerlabeling.local.workers;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.tasktype.TaskType;
import java.util.List;
import java.util.Optional;

/**
 * One task as a worker sees it: the data object, the labels to choose from, and which of the job's workers this is.
 *
 * @param jobName         the labeling job
 * @param taskType        the built-in task type, empty for custom jobs
 * @param labels          the label categories, in the label configuration's order
 * @param dataObject      the object to label
 * @param datasetObjectId the object's id within the job ({@code 0}, {@code 1}, ...), as its output files name it
 * @param workerIndex     0 for the first worker of the object, up to {@code workerCount - 1}
 * @param workerCount     {@code NumberOfHumanWorkersPerDataObject}
 * @param imageSize       the size of the image to label, read from its header, for tasks on images
 */
public record AnnotationTask(String jobName, Optional<TaskType> taskType, List<String> labels, DataObject dataObject,
                             String datasetObjectId, int workerIndex, int workerCount, Optional<ImageSize> imageSize) {

    /** The size assumed for an image whose header could not be read. */
    public static final ImageSize UNKNOWN_IMAGE_SIZE = new ImageSize(640, 480);

    public AnnotationTask {
        labels = List.copyOf(labels);
    }

    /** A task on an object whose image size is not known (text, or an image not read). */
    public AnnotationTask(String jobName, Optional<TaskType> taskType, List<String> labels, DataObject dataObject,
                          String datasetObjectId, int workerIndex, int workerCount) {
        this(jobName, taskType, labels, dataObject, datasetObjectId, workerIndex, workerCount, Optional.empty());
    }

    /** The image's size, or {@link #UNKNOWN_IMAGE_SIZE} when it could not be read. */
    public ImageSize imageSizeOrDefault() {
        return imageSize.orElse(UNKNOWN_IMAGE_SIZE);
    }

    /** The kind of answer the task type asks for; custom jobs take {@link AnswerKind#CONTENT}. */
    public AnswerKind answerKind() {
        return taskType.map(AnswerKind::of).orElse(AnswerKind.CONTENT);
    }

    /** The text to label, or the S3 URI of the object to label. */
    public String subject() {
        return dataObject.source().or(dataObject::sourceRef).orElse("");
    }
}
