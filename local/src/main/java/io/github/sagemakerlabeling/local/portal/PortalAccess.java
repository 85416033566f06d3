package io.github.sagemakerlabeling.local.portal;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may reach the worker portal: the address it binds, and the access token every request must carry unless it
 * binds the default {@code 127.0.0.1}. Binding any other address (another machine's view of this one, {@code 0.0.0.0},
 * or another loopback address) is an explicit choice and needs a token: a person opens {@code /?token=...} once and
 * the portal keeps the token in a cookie.
 *
 * @param bindAddress the address to listen on
 * @param token       the access token; required unless {@code bindAddress} is {@code 127.0.0.1}
 */
public record PortalAccess(InetAddress bindAddress, Optional<String> token) {

    /** The shortest token taken: 16 characters, so it cannot be guessed in a lifetime of requests. */
    public static final int MIN_TOKEN_LENGTH = 16;
    /** The query parameter that brings the token on a first visit. */
    public static final String TOKEN_PARAMETER = "token";
    static final String TOKEN_COOKIE = "ground-truth-portal-token";

    /**
     * @throws IllegalArgumentException when the address is not the default and no token is given, or the token is
     *                                  shorter than {@value #MIN_TOKEN_LENGTH} characters or holds other characters
     *                                  than letters, digits, {@code -} and {@code _}
     */
    public PortalAccess {
        Objects.requireNonNull(bindAddress, "bindAddress");
        Objects.requireNonNull(token, "token");
        if (token.isEmpty() && !isDefault(bindAddress)) {
            throw new IllegalArgumentException("the worker portal binds " + bindAddress.getHostAddress()
                    + ", not 127.0.0.1: an access token is required (portalAccessToken / --portal-token), so that only"
                    + " people given the portal's URL with ?token=... can label");
        }
        token.ifPresent(value -> {
            if (value.length() < MIN_TOKEN_LENGTH || !value.matches("[A-Za-z0-9_-]+")) {
                throw new IllegalArgumentException("portal access token '" + value.charAt(0) + "…' must be at least "
                        + MIN_TOKEN_LENGTH + " characters of letters, digits, '-' and '_'");
            }
        });
    }

    /** The default: 127.0.0.1, no token. */
    public static PortalAccess loopback() {
        return new PortalAccess(defaultAddress(), Optional.empty());
    }

    /**
     * An address given by name or IP literal, with an optional token.
     *
     * @throws IllegalArgumentException when the address cannot be resolved, or as {@link PortalAccess}
     */
    public static PortalAccess of(String bindAddress, String token) {
        try {
            return new PortalAccess(InetAddress.getByName(bindAddress), Optional.ofNullable(token));
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("portal bind address '" + bindAddress + "' cannot be resolved", e);
        }
    }

    /** Whether the portal binds an address besides the default, so that its {@code Host} may name that address. */
    public boolean isExplicit() {
        return !isDefault(bindAddress);
    }

    /** Whether a presented token is the portal's; always true when the portal has none. */
    boolean admits(String presented) {
        return token.isEmpty() || presented != null && MessageDigest.isEqual(
                token.get().getBytes(StandardCharsets.UTF_8), presented.getBytes(StandardCharsets.UTF_8));
    }

    /** The address, and whether there is a token, never the token itself (logs show this). */
    @Override
    public String toString() {
        return "PortalAccess[" + bindAddress.getHostAddress() + (token.isPresent() ? ", with token]" : "]");
    }

    private static boolean isDefault(InetAddress address) {
        return address.equals(defaultAddress());
    }

    private static InetAddress defaultAddress() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1});
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }
}
