package io.github.sagemakerlabeling.camel;

import io.github.sagemakerlabeling.camel.upload.BinaryBodyUploader;
import io.github.sagemakerlabeling.core.dataobject.DataObject;
import io.github.sagemakerlabeling.core.upload.UploadedObject;
import io.github.sagemakerlabeling.core.validation.LabelingValidationException;
import io.github.sagemakerlabeling.core.validation.Violation;
import java.net.URI;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.camel.Exchange;

/**
 * Reads message bodies as data objects: a {@link DataObject} as it is; a {@code Map} as a manifest line's members; a
 * String as the {@link DataObjectBodyType} (header, else option) says; an {@code s3://} {@link URI} as an S3 object; a binary body ({@code byte[]}, stream, file, see
 * {@link BinaryBodyUploader}) as the S3 object it is uploaded to.
 */
final class DataObjectBodies {

    private static final String ACCEPTED = "text (String), an s3:// URI, a manifest line (JSON String or Map), a"
            + " DataObject, or a binary (byte[], InputStream, File, Path, GenericFile) to upload";

    /** How a JSON object starts: a brace, then a member name's quote or the closing brace. */
    private static final Pattern JSON_OBJECT_START = Pattern.compile("\\s*\\{\\s*[\"}]");

    private final BinaryBodyUploader uploader;
    private final DataObjectBodyType defaultBodyType;
    private final Consumer<UploadedObject> uploaded;

    /**
     * @param defaultBodyType what a String body is when the exchange has no CamelSageMakerLabelingBodyType header
     * @param uploaded        told each binary body stored in S3 (the meters count them)
     */
    DataObjectBodies(BinaryBodyUploader uploader, DataObjectBodyType defaultBodyType,
                     Consumer<UploadedObject> uploaded) {
        this.uploader = uploader;
        this.defaultBodyType = defaultBodyType;
        this.uploaded = uploaded;
    }

    /**
     * A body read as a data object.
     *
     * @param object the data object
     * @param upload where a binary body was uploaded, if it was one
     */
    record BodyObject(DataObject object, Optional<UploadedObject> upload) {
    }

    /**
     * @throws LabelingValidationException naming the body's type when it cannot be a data object, or the rules a
     *         value breaks (an invalid s3:// URI or manifest line)
     */
    BodyObject toDataObject(Object body, Exchange exchange) {
        if (body instanceof DataObject object) {
            return new BodyObject(object, Optional.empty());
        }
        if (body instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> members = (Map<String, ?>) map;
            return new BodyObject(DataObject.fromMap(members), Optional.empty());
        }
        if (body instanceof CharSequence chars) {
            return new BodyObject(fromString(chars.toString(), bodyType(exchange)), Optional.empty());
        }
        if (body instanceof URI uri && "s3".equals(uri.getScheme())) {
            return new BodyObject(DataObject.s3(uri.toString()), Optional.empty());
        }
        Optional<UploadedObject> upload = uploader.upload(body, exchange);
        upload.ifPresent(uploaded);
        if (upload.isPresent()) {
            return new BodyObject(DataObject.s3(upload.get().uri()), upload);
        }
        throw new LabelingValidationException("Data object", new Violation("body",
                body == null ? null : body.getClass().getName(), "must be " + ACCEPTED));
    }

    /** Whether a sendDataObjects body is already in memory (a Collection or an array) rather than produced lazily. */
    static boolean inMemory(Object body) {
        return body instanceof Collection<?> || body instanceof Object[];
    }

    /**
     * The data objects of a Collection or array, all read before any is sent.
     *
     * @throws LabelingValidationException naming every item ({@code objects[i]}) that cannot be a data object
     */
    List<DataObject> toDataObjectList(Object body, Exchange exchange) {
        List<?> items = body instanceof Object[] array ? Arrays.asList(array) : new ArrayList<>((Collection<?>) body);
        List<DataObject> objects = new ArrayList<>(items.size());
        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            try {
                objects.add(toDataObject(items.get(i), exchange).object());
            } catch (LabelingValidationException e) {
                violations.addAll(prefixed(i, e));
            }
        }
        if (!violations.isEmpty()) {
            throw new LabelingValidationException("Data objects", violations);
        }
        return objects;
    }

    /**
     * The data objects of an Iterable, Iterator or Stream, each read when it is taken, so a long stream is never
     * held whole.
     *
     * @throws LabelingValidationException for another body type; the iterator throws it, naming {@code objects[i]},
     *         for an item that cannot be a data object
     */
    Iterator<DataObject> toDataObjectIterator(Object body, Exchange exchange) {
        Iterator<?> items;
        if (body instanceof Iterable<?> iterable) {
            items = iterable.iterator();
        } else if (body instanceof Iterator<?> iterator) {
            items = iterator;
        } else if (body instanceof Stream<?> stream) {
            items = stream.iterator();
        } else {
            throw new LabelingValidationException("Data objects", new Violation("body",
                    body == null ? null : body.getClass().getName(),
                    "sendDataObjects needs a List, Iterable, Iterator, Stream or array body"));
        }
        return new Iterator<>() {
            private int index;

            @Override
            public boolean hasNext() {
                return items.hasNext();
            }

            @Override
            public DataObject next() {
                int position = index++;
                try {
                    return toDataObject(items.next(), exchange).object();
                } catch (LabelingValidationException e) {
                    throw new LabelingValidationException("Data objects", prefixed(position, e));
                }
            }
        };
    }

    private DataObjectBodyType bodyType(Exchange exchange) {
        DataObjectBodyType type = exchange.getMessage().getHeader(SageMakerLabelingConstants.BODY_TYPE,
                DataObjectBodyType.class);
        return type != null ? type : defaultBodyType;
    }

    private static DataObject fromString(String body, DataObjectBodyType type) {
        return switch (type) {
            case text -> DataObject.text(body);
            case sourceRef -> DataObject.s3(body);
            case manifestLine -> DataObject.fromManifestLine(body);
            case auto -> guess(body);
        };
    }

    /**
     * Today's rules, without their false alarms: an {@code s3://} body without white space is an S3 object, and a
     * body that opens a JSON object ({@code {"}, or {@code {}}, white space allowed) a manifest line; either must
     * then be valid, so a typo fails rather than being labeled as text. Anything else, such as
     * {@code {Sponsored} great phone} or {@code s3://ideas are great}, is text.
     */
    private static DataObject guess(String body) {
        if (body.startsWith("s3://") && body.chars().noneMatch(Character::isWhitespace)) {
            return DataObject.s3(body);
        }
        if (JSON_OBJECT_START.matcher(body).lookingAt()) {
            return DataObject.fromManifestLine(body);
        }
        return DataObject.text(body);
    }

    private static List<Violation> prefixed(int index, LabelingValidationException e) {
        return e.violations().stream()
                .map(v -> new Violation("objects[" + index + "]." + v.field(), v.value(), v.rule())).toList();
    }
}
