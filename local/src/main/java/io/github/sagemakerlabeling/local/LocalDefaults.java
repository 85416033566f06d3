package io.github.sagemakerlabeling.local;

import java.util.regex.Pattern;

/** The defaults every local service shares, and the checks of the settings they all take. */
public final class LocalDefaults {

    /** The only interface local services bind to. */
    public static final String HOST = "127.0.0.1";

    /** The default region, used in ARNs and by the SDK clients. */
    public static final String REGION = "us-east-1";

    /** The default account id, used in ARNs and queue URLs. */
    public static final String ACCOUNT_ID = "000000000000";

    private static final Pattern REGION_PATTERN = Pattern.compile("[a-z]{2}(-[a-z]+)+-\\d+");
    private static final Pattern ACCOUNT_PATTERN = Pattern.compile("\\d{12}");

    private LocalDefaults() {
    }

    /**
     * Checks a port setting.
     *
     * @return the port: 0 (pick a free port) or 1..65535
     * @throws IllegalArgumentException for anything else
     */
    public static int requirePort(int port) {
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port must be 0 (a free port) or 1..65535, was " + port);
        }
        return port;
    }

    /**
     * Checks a region setting.
     *
     * @return the region, shaped like {@code us-east-1}
     * @throws IllegalArgumentException for anything else
     */
    public static String requireRegion(String region) {
        if (region == null || !REGION_PATTERN.matcher(region).matches()) {
            throw new IllegalArgumentException("region must look like us-east-1, was " + region);
        }
        return region;
    }

    /**
     * Checks an account id setting.
     *
     * @return the account id: 12 digits
     * @throws IllegalArgumentException for anything else
     */
    public static String requireAccountId(String accountId) {
        if (accountId == null || !ACCOUNT_PATTERN.matcher(accountId).matches()) {
            throw new IllegalArgumentException("account id must be 12 digits, was " + accountId);
        }
        return accountId;
    }
}
