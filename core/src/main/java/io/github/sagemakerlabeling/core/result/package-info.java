/**
 * Reading Ground Truth streaming output: {@link io.github.sagemakerlabeling.core.result.OutputLineParser} turns one
 * output line, raw or inside its SNS notification, into a
 * {@link io.github.sagemakerlabeling.core.result.LabelingResult} whose
 * {@link io.github.sagemakerlabeling.core.result.Annotation} is typed by task type. Text that is not a readable
 * output line raises {@link io.github.sagemakerlabeling.core.result.MalformedOutputException}.
 */
package io.github.sagemakerlabeling.core.result;
