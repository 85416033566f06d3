package io.github.sagemakerlabeling.local.portal;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * What {@code grant_read_access} does on Local Ground Truth: turns an {@code s3://bucket/key} URI into a URL of the
 * worker portal that serves that one object from the stack's S3, signed with a key of this stack, as AWS turns it
 * into a presigned URL. The portal serves an object only with a valid signature, so a page can read the objects its
 * template was granted and nothing else of the stack's S3.
 */
public final class ReadGrants {

    private static final String ALGORITHM = "HmacSHA256";
    private final byte[] key = new byte[32];
    private volatile URI portal;

    /** Grants signed with a new random key, for URLs of the portal at {@code portal}. */
    public ReadGrants(URI portal) {
        new SecureRandom().nextBytes(key);
        this.portal = portal;
    }

    /** The portal's address, once its port is known. */
    public void portal(URI address) {
        this.portal = address;
    }

    /** The URL that reads the object, or the value unchanged when it is no {@code s3://} URI. */
    public String grant(String value) {
        Optional<S3Object> object = S3Object.parse(value);
        if (object.isEmpty()) {
            return value;
        }
        S3Object o = object.get();
        return portal + "/s3/" + encode(o.bucket()) + "/" + encodePath(o.key()) + "?grant=" + signature(o);
    }

    /** Whether a signature grants reading this object. */
    public boolean allows(S3Object object, String signature) {
        return signature != null && MessageDigest.isEqual(signature(object).getBytes(StandardCharsets.US_ASCII),
                signature.getBytes(StandardCharsets.US_ASCII));
    }

    private String signature(S3Object object) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(key, ALGORITHM));
            return HexFormat.of().formatHex(mac.doFinal((object.bucket() + "/" + object.key())
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is not available", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static String encodePath(String key) {
        StringBuilder path = new StringBuilder();
        for (String part : key.split("/", -1)) {
            if (!path.isEmpty()) {
                path.append('/');
            }
            path.append(encode(part));
        }
        return path.toString();
    }

    /**
     * An S3 object by bucket and key.
     *
     * @param bucket the bucket
     * @param key    the key
     */
    public record S3Object(String bucket, String key) {

        /** The object of an {@code s3://bucket/key} URI; empty for anything else. */
        public static Optional<S3Object> parse(String uri) {
            if (uri == null || !uri.startsWith("s3://")) {
                return Optional.empty();
            }
            String path = uri.substring("s3://".length());
            int slash = path.indexOf('/');
            if (slash <= 0 || slash == path.length() - 1) {
                return Optional.empty();
            }
            return Optional.of(new S3Object(path.substring(0, slash), path.substring(slash + 1)));
        }
    }
}
