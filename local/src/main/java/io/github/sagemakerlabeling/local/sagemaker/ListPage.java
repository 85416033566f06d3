package io.github.sagemakerlabeling.local.sagemaker;

import io.github.sagemakerlabeling.local.sagemaker.validation.ConstraintViolation;
import io.github.sagemakerlabeling.local.sagemaker.validation.ValidationErrors;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * One page of a List operation's results, cut by {@code MaxResults} and {@code NextToken}. A token is the offset of
 * the next page, so pages of an unchanged listing never overlap or skip.
 *
 * @param items     the page
 * @param nextToken the token of the next page, or {@code null} on the last one
 */
record ListPage<T>(List<T> items, String nextToken) {

    /** The page size when the request gives no MaxResults (the model leaves it open; SageMaker's lists use 10). */
    private static final int DEFAULT_PAGE_SIZE = 10;
    private static final String TOKEN_PREFIX = "offset:";

    /**
     * The page a request asks for.
     *
     * @param all        every result, in order
     * @param maxResults the request's MaxResults, already within the model's range, or {@code null}
     * @param nextToken  the request's NextToken, or {@code null}
     * @param operation  the operation, named in the error for a token it did not hand out
     */
    static <T> ListPage<T> of(List<T> all, Integer maxResults, String nextToken, String operation) {
        int offset = offset(nextToken, operation);
        int end = Math.min(all.size(), offset + (maxResults == null ? DEFAULT_PAGE_SIZE : maxResults));
        return new ListPage<>(all.subList(Math.min(offset, end), end), end < all.size() ? token(end) : null);
    }

    private static int offset(String nextToken, String operation) {
        if (nextToken == null || nextToken.isEmpty()) {
            return 0;
        }
        try {
            String decoded = new String(Base64.getUrlDecoder().decode(nextToken), StandardCharsets.UTF_8);
            if (decoded.startsWith(TOKEN_PREFIX)) {
                return Integer.parseInt(decoded.substring(TOKEN_PREFIX.length()));
            }
        } catch (IllegalArgumentException e) {
            // falls through to the error below
        }
        throw ValidationErrors.of(new ConstraintViolation("nextToken", "'" + nextToken + "'",
                "Member must be a token from a previous " + operation + " response"));
    }

    private static String token(int offset) {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((TOKEN_PREFIX + offset).getBytes(StandardCharsets.UTF_8));
    }
}
