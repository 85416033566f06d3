/**
 * SNS for Local Ground Truth: the SNS query protocol (form-encoded {@code POST /}, XML answers) on the JDK's HTTP
 * server, fanning out into SQS through the AWS SDK's {@code SqsClient}. {@link
 * io.github.sagemakerlabeling.local.sns.LocalSns} is the entry point; the other classes are its parts.
 */
package io.github.sagemakerlabeling.local.sns;
