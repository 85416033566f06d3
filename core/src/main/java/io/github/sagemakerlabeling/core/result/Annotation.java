package io.github.sagemakerlabeling.core.result;

/**
 * The label of one data object, typed by task type. Which record a line yields depends on the metadata's
 * {@code type} (compared ignoring case):
 *
 * <ul>
 *   <li>{@link ClassLabel}: {@code groundtruth/image-classification}, {@code groundtruth/text-classification}</li>
 *   <li>{@link MultiLabel}: {@code groundtruth/image-classification-multilabel},
 *       {@code groundtruth/text-classification-multilabel}</li>
 *   <li>{@link BoundingBoxes}: {@code groundtruth/object-detection} (labeling and adjustment)</li>
 *   <li>{@link SemanticSegmentation}: {@code groundtruth/semantic-segmentation},
 *       {@code groundtruth/point_cloud_single_frame_semantic_segmentation}</li>
 *   <li>{@link NamedEntities}: {@code groundtruth/text-span}</li>
 *   <li>{@link LabelVerification}: {@code groundtruth/label-verification}</li>
 *   <li>{@link FrameLabels}: {@code groundtruth/video-object-detection}, {@code groundtruth/video-object-tracking},
 *       {@code groundtruth/point_cloud_object_tracking}</li>
 *   <li>{@link CustomAnnotation}: {@code groundtruth/custom} (a custom labeling workflow)</li>
 *   <li>{@link UnknownAnnotation}: any other type, or none</li>
 * </ul>
 */
public sealed interface Annotation
        permits ClassLabel, MultiLabel, BoundingBoxes, SemanticSegmentation, NamedEntities, LabelVerification,
        FrameLabels, CustomAnnotation, UnknownAnnotation {
}
