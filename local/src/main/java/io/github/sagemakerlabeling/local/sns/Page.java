package io.github.sagemakerlabeling.local.sns;

import java.util.List;

/**
 * One page of a {@code List*} answer: at most 100 items, as SNS pages them, and the token of the next page.
 *
 * @param items the items on this page
 * @param nextToken the {@code NextToken} for the next page, or {@code null} on the last one
 */
record Page<T>(List<T> items, String nextToken) {

    static final int SIZE = 100;

    /**
     * The page that starts where {@code nextToken} says (the first page for {@code null}).
     *
     * @throws SnsException {@code InvalidParameter} for a token this server did not hand out
     */
    static <T> Page<T> of(List<T> all, String nextToken) {
        int from;
        try {
            from = nextToken == null ? 0 : Integer.parseInt(nextToken);
        } catch (NumberFormatException e) {
            throw SnsException.invalidParameter("NextToken");
        }
        if (from < 0 || from > all.size()) {
            throw SnsException.invalidParameter("NextToken");
        }
        int to = Math.min(all.size(), from + SIZE);
        return new Page<>(all.subList(from, to), to < all.size() ? Integer.toString(to) : null);
    }
}
