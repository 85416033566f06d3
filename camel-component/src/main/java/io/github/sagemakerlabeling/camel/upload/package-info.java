/** Uploading binary message bodies to S3, so they can be sent to a labeling job as {@code source-ref}. */
package io.github.sagemakerlabeling.camel.upload;
