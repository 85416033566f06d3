package io.github.sagemakerlabeling.camel.upload;

import io.github.sagemakerlabeling.core.upload.ContentAddressedUploader;
import io.github.sagemakerlabeling.core.upload.UploadedObject;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.WrappedFile;

/**
 * Uploads binary message bodies to S3 (see {@link ContentAddressedUploader}): {@code byte[]}, {@link File},
 * {@link Path}, Camel's {@code GenericFile} of a local file and other {@link WrappedFile}s of one, {@link InputStream},
 * and any other body Camel's type converters turn into an {@code InputStream} (a {@code ByteBuffer}, a stream cache,
 * a remote file). Files are uploaded from the file; the rest is streamed.
 * Text, numbers and booleans are never taken for binaries.
 *
 * <p>The content type comes from the {@code Content-Type} header, else the {@code CamelFileContentType} header,
 * else it is guessed from the file name ({@code CamelFileName} for bytes and streams) and the first bytes.
 */
public final class BinaryBodyUploader {

    private final ContentAddressedUploader uploader;

    /** @param uploader the uploader; {@code null} when no upload bucket is configured, so binaries are refused */
    public BinaryBodyUploader(ContentAddressedUploader uploader) {
        this.uploader = uploader;
    }

    /**
     * Uploads the body if it is binary.
     *
     * @return the uploaded object, or empty if the body is not binary
     * @throws LabelingValidationException if it is binary but no upload bucket is configured
     */
    public Optional<UploadedObject> upload(Object body, Exchange exchange) {
        if (body == null || body instanceof CharSequence || body instanceof Number || body instanceof Boolean) {
            return Optional.empty();
        }
        Message message = exchange.getMessage();
        String contentType = contentType(message);
        String fileName = message.getHeader(Exchange.FILE_NAME, String.class);
        if (body instanceof byte[] bytes) {
            return Optional.of(uploader(body).upload(bytes, fileName, contentType));
        }
        if (body instanceof File file) {
            return Optional.of(uploader(body).upload(file.toPath(), contentType));
        }
        if (body instanceof Path path) {
            return Optional.of(uploader(body).upload(path, contentType));
        }
        if (body instanceof WrappedFile<?> wrapped && wrapped.getFile() instanceof File file) {
            return Optional.of(uploader(body).upload(file.toPath(), contentType));
        }
        InputStream stream = body instanceof InputStream given ? given
                : exchange.getContext().getTypeConverter().tryConvertTo(InputStream.class, exchange, body);
        if (stream == null) {
            return Optional.empty();
        }
        try (InputStream content = stream) {
            return Optional.of(uploader(body).upload(content, fileName, contentType));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot close the stream of the " + body.getClass().getName() + " body", e);
        }
    }

    private ContentAddressedUploader uploader(Object body) {
        if (uploader == null) {
            throw new LabelingValidationException("Data object", new Violation("uploadBucket", null, "a binary body ("
                    + body.getClass().getName() + ") is uploaded to S3 and sent as its source-ref: set the"
                    + " uploadBucket option"));
        }
        return uploader;
    }

    private static String contentType(Message message) {
        String contentType = message.getHeader(Exchange.CONTENT_TYPE, String.class);
        return contentType != null ? contentType : message.getHeader(Exchange.FILE_CONTENT_TYPE, String.class);
    }
}
