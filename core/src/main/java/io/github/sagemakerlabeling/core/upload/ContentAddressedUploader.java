package io.github.sagemakerlabeling.core.upload;

import io.github.sagemakerlabeling.core.dataobject.S3Uri;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;
import software.amazon.awssdk.services.s3.model.ServerSideEncryption;

/**
 * Uploads binary data objects to S3 under a content-addressed key, {@code <prefix><sha256 of the bytes>}, so the
 * same bytes are stored once and, sent as the same {@code source-ref}, get the same dedup id and are labeled once.
 * Before uploading it asks S3 whether the key exists (HeadObject) and skips the upload if it does.
 *
 * <p><b>Memory.</b> Content is streamed, never held whole: a file is hashed in one pass and then uploaded from the
 * file; a stream of unknown length is first spooled to a temporary file while it is hashed (the hash, and so the key,
 * is only known at its end), then uploaded from that file and the file deleted. Spooling was chosen over a
 * multipart upload to a staging key followed by a server-side copy because it uploads nothing when the bytes are
 * already in S3, leaves no staging objects behind when the application dies half-way, and needs no S3 permission
 * beyond {@code s3:GetObject} and {@code s3:PutObject}; its price is local disk as large as the stream. Files up to
 * 16 MiB go in one PutObject, larger ones as a multipart upload of 16 MiB parts each streamed from the file
 * ({@link MultipartFileUpload}), so neither memory nor S3's 5 GB single-request limit bounds an object.
 *
 * <p>The content type is the one given, else guessed ({@link ContentTypes}), and stored on the object. With a KMS
 * key in the settings every upload is encrypted with SSE-KMS. Thread-safe.
 */
public final class ContentAddressedUploader {

    private final S3Client s3;
    private final UploadSettings settings;
    private final Path spoolDirectory;

    /**
     * @param s3             the client; the caller owns it
     * @param settings       bucket, prefix and encryption
     * @param spoolDirectory where streams are spooled; {@code null} for the system's temporary directory
     */
    public ContentAddressedUploader(S3Client s3, UploadSettings settings, Path spoolDirectory) {
        this.s3 = Objects.requireNonNull(s3, "s3");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.spoolDirectory = spoolDirectory;
    }

    /**
     * Uploads bytes that are in memory already.
     *
     * @param fileName    the name the content had, to guess the content type from; may be {@code null}
     * @param contentType the content type, or {@code null} to guess it from the name and first bytes
     */
    public UploadedObject upload(byte[] bytes, String fileName, String contentType) {
        String type = contentType != null ? contentType : ContentTypes.probe(fileName, bytes);
        return store(ContentKey.of(bytes), bytes.length, type,
                uri -> put(uri, bytes.length, type, RequestBody.fromBytes(bytes)));
    }

    /**
     * Uploads a file: hashes it, then uploads it from the file unless its key exists.
     *
     * @param contentType the content type, or {@code null} to guess it from the file name and first bytes
     */
    public UploadedObject upload(Path file, String contentType) {
        try (InputStream stream = Files.newInputStream(file)) {
            String hash = ContentKey.copying(stream, OutputStream.nullOutputStream());
            return uploadFile(file, hash, contentType != null ? contentType
                    : ContentTypes.probe(file.getFileName().toString(), file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file + " to upload it", e);
        }
    }

    /**
     * Uploads a stream of any length: spools it to a temporary file while hashing it, uploads the file unless its
     * key exists, and deletes the file. The caller closes the stream.
     *
     * @param fileName    the name the content had, to guess the content type from; may be {@code null}
     * @param contentType the content type, or {@code null} to guess it from the name and first bytes
     */
    public UploadedObject upload(InputStream stream, String fileName, String contentType) {
        Path spool = null;
        try {
            spool = spoolDirectory == null ? Files.createTempFile("sagemaker-labeling-", ".upload")
                    : Files.createTempFile(spoolDirectory, "sagemaker-labeling-", ".upload");
            String hash;
            try (OutputStream out = Files.newOutputStream(spool)) {
                hash = ContentKey.copying(stream, out);
            }
            return uploadFile(spool, hash, contentType != null ? contentType : ContentTypes.probe(fileName, spool));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot spool the stream to upload to a temporary file", e);
        } finally {
            deleteQuietly(spool);
        }
    }

    /** Files larger than one part go as a multipart upload (see {@link MultipartFileUpload}). */
    private UploadedObject uploadFile(Path file, String hash, String contentType) throws IOException {
        long size = Files.size(file);
        return store(hash, size, contentType, uri -> {
            if (size > MultipartFileUpload.PART_SIZE) {
                MultipartFileUpload.upload(s3, uri, file, size, contentType, settings.kmsKey());
            } else {
                put(uri, size, contentType, RequestBody.fromFile(file));
            }
        });
    }

    /** Runs {@code upload} unless the content key exists already. */
    private UploadedObject store(String hash, long size, String contentType, Consumer<S3Uri> upload) {
        S3Uri uri = new S3Uri(settings.bucket(), settings.prefix() + hash);
        Optional<HeadObjectResponse> existing = S3Objects.head(s3, uri);
        if (existing.isPresent()) {
            String storedType = existing.get().contentType() != null ? existing.get().contentType() : contentType;
            return new UploadedObject(uri, hash, size, storedType, true);
        }
        upload.accept(uri);
        return new UploadedObject(uri, hash, size, contentType, false);
    }

    private void put(S3Uri uri, long size, String contentType, RequestBody body) {
        PutObjectRequest.Builder put = PutObjectRequest.builder().bucket(uri.bucket()).key(uri.key())
                .contentType(contentType).contentLength(size);
        settings.kmsKey().ifPresent(key -> put.serverSideEncryption(ServerSideEncryption.AWS_KMS).ssekmsKeyId(key));
        s3.putObject(put.build(), body);
    }

    private static void deleteQuietly(Path spool) {
        if (spool == null) {
            return;
        }
        try {
            Files.deleteIfExists(spool);
        } catch (IOException e) {
            spool.toFile().deleteOnExit();
        }
    }
}
