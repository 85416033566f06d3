/**
 * Fault injection for Local Ground Truth: {@link io.github.sagemakerlabeling.local.faults.FaultInjector} makes a
 * seeded fraction of the requests of an {@link io.github.sagemakerlabeling.local.faults.Operation} fail with
 * throttling or a server error, or come late ({@link io.github.sagemakerlabeling.local.faults.Fault}), each service
 * answering in its protocol's real error form ({@link io.github.sagemakerlabeling.local.faults.WireError}). SNS and
 * the SageMaker API ask the injector themselves; SQS, served by ElasticMQ, gets
 * {@link io.github.sagemakerlabeling.local.faults.SqsFaultProxy} in front of it.
 */
package io.github.sagemakerlabeling.local.faults;
