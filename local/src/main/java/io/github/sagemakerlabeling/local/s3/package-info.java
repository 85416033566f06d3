/** S3 for Local Ground Truth: an embedded S3Proxy server, in memory or on a directory, without authentication. */
package io.github.sagemakerlabeling.local.s3;
