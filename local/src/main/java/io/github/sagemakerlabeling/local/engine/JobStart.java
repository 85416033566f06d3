package io.github.sagemakerlabeling.local.engine;

import io.github.sagemakerlabeling.core.dataobject.S3Uri;
import io.github.sagemakerlabeling.core.labels.LabelCategory;
import io.github.sagemakerlabeling.core.labels.LabelCategoryConfig;
import io.github.sagemakerlabeling.core.spec.LabelingJobSpec;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import java.util.List;
import java.util.Optional;

/**
 * What Ground Truth reads and checks while a job initializes (§1.6): its label categories, its output topic and
 * output bucket, and its input manifest. Whatever cannot be used fails the job, with a reason naming it.
 *
 * @param labels   the label categories, in the configuration's order; empty for a job without a configuration
 * @param archive  the job's output in S3
 * @param manifest the objects of the input manifest, when the job has one
 */
record JobStart(List<LabelCategory> labels, OutputArchive archive, Optional<InputMessageReader.Manifest> manifest) {

    /**
     * Reads and checks everything the job needs to run.
     *
     * @throws JobFailure naming the first thing that cannot be used
     */
    static JobStart prepare(LabelingJobSpec spec, String jobName, AwsClients aws, InputMessageReader reader) {
        List<LabelCategory> labels = spec.labelCategoryConfigS3Uri()
                .map(uri -> labelCategories(aws, uri))
                .orElse(List.of());
        spec.outputSnsTopicArn().ifPresent(topic -> {
            try {
                aws.sns().getTopicAttributes(b -> b.topicArn(topic));
            } catch (RuntimeException e) {
                throw JobFailure.of("access the output topic " + topic, e);
            }
        });
        OutputArchive archive = new OutputArchive(aws.s3(), spec.s3OutputPath(), jobName, spec.labelAttributeName());
        try {
            archive.checkWritable();
        } catch (RuntimeException e) {
            throw JobFailure.of("write to the output location " + spec.s3OutputPath(), e);
        }
        Optional<InputMessageReader.Manifest> manifest = spec.manifestS3Uri()
                .map(uri -> reader.readManifest(read(aws, uri, "the input manifest"), uri));
        return new JobStart(labels, archive, manifest);
    }

    /**
     * What a job that was running before the stack restarted needs again: its labels and its output, not its input
     * manifest (its objects were taken on already).
     *
     * @throws JobFailure naming the first thing that cannot be used
     */
    static JobStart resume(LabelingJobSpec spec, String jobName, AwsClients aws) {
        List<LabelCategory> labels = spec.labelCategoryConfigS3Uri()
                .map(uri -> labelCategories(aws, uri))
                .orElse(List.of());
        return new JobStart(labels, new OutputArchive(aws.s3(), spec.s3OutputPath(), jobName,
                spec.labelAttributeName()), Optional.empty());
    }

    private static List<LabelCategory> labelCategories(AwsClients aws, String uri) {
        String what = "the label category configuration";
        String json = read(aws, uri, what);
        try {
            return LabelCategoryConfig.fromJson(json).labels();
        } catch (LabelingValidationException e) {
            throw new JobFailure("Unable to read " + what + " " + uri + ": " + e.getMessage());
        }
    }

    private static String read(AwsClients aws, String uri, String what) {
        S3Uri location;
        try {
            location = S3Uri.parse(uri);
        } catch (LabelingValidationException e) {
            throw new JobFailure("Unable to read " + what + " " + uri + ": Local Ground Truth reads s3:// URIs only");
        }
        try {
            return aws.s3().getObjectAsBytes(b -> b.bucket(location.bucket()).key(location.key())).asUtf8String();
        } catch (RuntimeException e) {
            throw JobFailure.of("read " + what + " " + uri, e);
        }
    }
}
