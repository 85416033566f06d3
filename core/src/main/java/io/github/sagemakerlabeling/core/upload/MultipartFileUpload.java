package io.github.sagemakerlabeling.core.upload;

import io.github.sagemakerlabeling.core.dataobject.S3Uri;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.CreateMultipartUploadRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Uploads a file larger than one part as a multipart upload, one {@value #PART_SIZE}-byte part at a time, each
 * streamed from its range of the file (and read again from there if the SDK retries it). A failed upload is aborted,
 * so no parts are left behind.
 */
final class MultipartFileUpload {

    /** The size of every part but the last; files up to this size go in one PutObject. */
    static final long PART_SIZE = 16L * 1024 * 1024;

    private MultipartFileUpload() {
    }

    static void upload(S3Client s3, S3Uri uri, Path file, long size, String contentType, Optional<String> kmsKey) {
        CreateMultipartUploadRequest.Builder create = CreateMultipartUploadRequest.builder().bucket(uri.bucket())
                .key(uri.key()).contentType(contentType);
        kmsKey.ifPresent(key -> create.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(key));
        String uploadId = s3.createMultipartUpload(create.build()).uploadId();
        try {
            List<CompletedPart> parts = new ArrayList<>();
            for (int number = 1; (number - 1) * PART_SIZE < size; number++) {
                long offset = (number - 1) * PART_SIZE;
                long length = Math.min(PART_SIZE, size - offset);
                int partNumber = number;
                String eTag = s3.uploadPart(b -> b.bucket(uri.bucket()).key(uri.key()).uploadId(uploadId)
                                .partNumber(partNumber).contentLength(length),
                        RequestBody.fromContentProvider(() -> range(file, offset, length), length, contentType))
                        .eTag();
                parts.add(CompletedPart.builder().partNumber(partNumber).eTag(eTag).build());
            }
            s3.completeMultipartUpload(b -> b.bucket(uri.bucket()).key(uri.key()).uploadId(uploadId)
                    .multipartUpload(m -> m.parts(parts)));
        } catch (RuntimeException e) {
            try {
                s3.abortMultipartUpload(b -> b.bucket(uri.bucket()).key(uri.key()).uploadId(uploadId));
            } catch (RuntimeException abortFailure) {
                e.addSuppressed(abortFailure);
            }
            throw e;
        }
    }

    private static InputStream range(Path file, long offset, long length) {
        try {
            SeekableByteChannel channel = Files.newByteChannel(file);
            channel.position(offset);
            return new RangeStream(channel, length);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " from byte " + offset, e);
        }
    }

    /** At most {@code left} bytes of a channel, from its position; closes the channel. */
    private static final class RangeStream extends InputStream {
        private final SeekableByteChannel channel;
        private long left;

        RangeStream(SeekableByteChannel channel, long length) {
            this.channel = channel;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == -1 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (left == 0) {
                return -1;
            }
            int read = channel.read(ByteBuffer.wrap(buffer, offset, (int) Math.min(length, left)));
            if (read > 0) {
                left -= read;
            }
            return read;
        }

        @Override
        public void close() throws IOException {
            channel.close();
        }
    }
}
