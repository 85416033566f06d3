/**
 * The durable store of Local Ground Truth ({@code --data-dir DIR}, {@code LocalGroundTruth.builder().dataDir(..)}):
 * {@link io.github.sagemakerlabeling.local.store.DataDirectory} lays out the directory, and each part of the stack
 * that keeps state of its own (labeling jobs and the engine's task board, SNS, the queue attributes ElasticMQ does not
 * keep) writes it to a {@link io.github.sagemakerlabeling.local.store.Journal}: an append-only file of JSON lines,
 * forced to disk before a write is acknowledged, replayed and compacted when the stack starts. S3 and SQS messages
 * persist through S3Proxy's filesystem store and ElasticMQ's own SQL persistence.
 */
package io.github.sagemakerlabeling.local.store;
