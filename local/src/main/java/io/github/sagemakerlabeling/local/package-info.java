/**
 * Local Ground Truth: AWS-wire-compatible stand-ins for the services a Ground Truth streaming labeling job uses, each
 * bound to 127.0.0.1 and startable on its own.
 *
 * <ul>
 *   <li>{@link io.github.sagemakerlabeling.local.sqs.LocalSqs}: SQS (embedded ElasticMQ),</li>
 *   <li>{@link io.github.sagemakerlabeling.local.s3.LocalS3}: S3 (embedded S3Proxy),</li>
 *   <li>{@link io.github.sagemakerlabeling.local.sns.LocalSns}: SNS on the query protocol, delivering into SQS,</li>
 *   <li>{@link io.github.sagemakerlabeling.local.faults.FaultInjector}: throttling, server errors and latency on
 *       demand, for SNS, SQS (through {@link io.github.sagemakerlabeling.local.faults.SqsFaultProxy}) and the
 *       SageMaker API.</li>
 * </ul>
 *
 * <p>Every server implements {@link io.github.sagemakerlabeling.local.LocalService}; {@link
 * io.github.sagemakerlabeling.local.LocalAwsClients} hands out AWS SDK v2 clients configured for them.
 */
package io.github.sagemakerlabeling.local;
