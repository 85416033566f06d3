package io.github.sagemakerlabeling.camel;

import io.github.sagemakerlabeling.core.dataobject.DataObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads message bodies as data objects: a {@link DataObject} as it is; a {@code Map} as a manifest line's members; a
 * String as a manifest line when it is a JSON object, as an S3 object when it is an {@code s3://} URI, else as
 * text to label.
 */
final class DataObjectBodies {

    private DataObjectBodies() {
    }

    static DataObject toDataObject(Object body) {
        if (body instanceof DataObject object) {
            return object;
        }
        if (body instanceof Map<?, ?> map) {
            @SuppressWarnings("unchecked")
            Map<String, ?> members = (Map<String, ?>) map;
            return DataObject.fromMap(members);
        }
        if (body instanceof CharSequence chars) {
            String text = chars.toString();
            if (text.startsWith("s3://")) {
                return DataObject.s3(text);
            }
            if (text.stripLeading().startsWith("{")) {
                return DataObject.fromManifestLine(text);
            }
            return DataObject.text(text);
        }
        if (body instanceof java.net.URI uri && "s3".equals(uri.getScheme())) {
            return DataObject.s3(uri.toString());
        }
        throw new IllegalArgumentException("A body of type " + (body == null ? "null" : body.getClass().getName())
                + " cannot be sent as a data object: give text (String), an s3:// URI, a manifest line (JSON String"
                + " or Map) or a DataObject");
    }

    /** The data objects of a List, any Iterable, an Iterator, a Stream or an array. */
    static List<DataObject> toDataObjects(Object body) {
        List<DataObject> objects = new ArrayList<>();
        if (body instanceof Iterable<?> iterable) {
            iterable.forEach(item -> objects.add(toDataObject(item)));
        } else if (body instanceof Iterator<?> iterator) {
            iterator.forEachRemaining(item -> objects.add(toDataObject(item)));
        } else if (body instanceof Stream<?> stream) {
            stream.forEach(item -> objects.add(toDataObject(item)));
        } else if (body instanceof Object[] array) {
            for (Object item : array) {
                objects.add(toDataObject(item));
            }
        } else {
            throw new IllegalArgumentException("sendDataObjects needs a List, Iterable, Iterator, Stream or array body,"
                    + " not " + (body == null ? "null" : body.getClass().getName()));
        }
        return objects;
    }
}
