/**
 * One edge endpoint for the whole stack ({@link io.github.sagemakerlabeling.local.edge.EdgeEndpoint}): a port that
 * routes each request to the SageMaker, SNS, SQS or S3 server by what the request itself says, so one
 * {@code AWS_ENDPOINT_URL} is all a client needs.
 */
package io.github.sagemakerlabeling.local.edge;
