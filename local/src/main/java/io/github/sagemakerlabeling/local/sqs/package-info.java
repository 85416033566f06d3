/** SQS for Local Ground Truth: an embedded ElasticMQ server speaking the SQS JSON and query protocols. */
package io.github.sagemakerlabeling.local.sqs;
