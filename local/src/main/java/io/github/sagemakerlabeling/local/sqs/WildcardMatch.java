package io.github.sagemakerlabeling.local.sqs;

/**
 * IAM's wildcard match ({@code *} any run of characters, {@code ?} any one), iteratively: on a mismatch it goes back
 * only to the last {@code *} seen, so a match takes at most pattern length × value length steps, whatever the
 * number of stars (a backtracking regular expression takes exponential time on patterns like {@code *a*a*a*a*b}).
 */
final class WildcardMatch {

    private WildcardMatch() {
    }

    /** Whether {@code value} matches {@code pattern} as a whole. */
    static boolean matches(String pattern, String value) {
        int p = 0;
        int v = 0;
        int star = -1; // the pattern index after the last '*' seen
        int resume = 0; // where in the value that star's run ends so far
        while (v < value.length()) {
            if (p < pattern.length() && (pattern.charAt(p) == '?' || pattern.charAt(p) == value.charAt(v))) {
                p++;
                v++;
            } else if (p < pattern.length() && pattern.charAt(p) == '*') {
                star = ++p;
                resume = v;
            } else if (star >= 0) {
                p = star;
                v = ++resume;
            } else {
                return false;
            }
        }
        while (p < pattern.length() && pattern.charAt(p) == '*') {
            p++;
        }
        return p == pattern.length();
    }
}
