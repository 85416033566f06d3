package io.github.sagemakerlabeling.core.upload;

import io.github.sagemakerlabeling.core.dataobject.S3Uri;

/**
 * A binary in S3 under its content key.
 *
 * @param uri         where it is: {@code s3://bucket/<prefix><sha256>}
 * @param sha256      the lowercase hex SHA-256 of its bytes
 * @param size        its size in bytes
 * @param contentType the content type it was stored with
 * @param existed     whether the same bytes were already there, so nothing was uploaded
 */
public record UploadedObject(S3Uri uri, String sha256, long size, String contentType, boolean existed) {
}
