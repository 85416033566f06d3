package io.github.sagemakerlabeling.core.service;

/** A labeling job cannot be used as asked: it differs from the wanted spec, has ended, failed, or took too long. */
public class LabelingJobException extends RuntimeException {

    public LabelingJobException(String message) {
        super(message);
    }

    public LabelingJobException(String message, Throwable cause) {
        super(message, cause);
    }
}
