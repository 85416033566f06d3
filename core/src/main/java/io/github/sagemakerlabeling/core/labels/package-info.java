/**
 * Label category configuration files of Ground Truth labeling jobs ({@code LabelCategoryConfigS3Uri}): the model,
 * its JSON form and its rules, for both document versions.
 *
 * <ul>
 *   <li>{@link io.github.sagemakerlabeling.core.labels.LabelCategoryConfig} is the immutable document, with
 *       {@code fromJson}, {@code toJson}, a builder and the checks.</li>
 *   <li>Version 2018-11-28 (key {@code "document-version"}) serves image, text and video classification, bounding
 *       box, semantic segmentation, named entity recognition and custom task types: labels, NER short display names
 *       and instructions.</li>
 *   <li>Version 2020-03-01 (key {@code "documentVersion"}) serves 3D point cloud and video frame task types and adds
 *       label category attributes, frame attributes, the video annotation type, {@code editsAllowed} and
 *       {@code auditLabelAttributeName}.</li>
 * </ul>
 *
 * <p>Unknown keys are kept, not rejected: Ground Truth ignores what a task type does not use, and a file read and
 * written again should not lose anything. Keys the model does not know are carried as JSON trees at every level
 * (document, label, attribute, instructions) and written after the known keys. A JSON {@code null} reads as an absent
 * key, and empty optional lists are not written.
 */
package io.github.sagemakerlabeling.core.labels;
