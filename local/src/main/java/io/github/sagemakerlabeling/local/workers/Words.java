package io.github.sagemakerlabeling.local.workers;

import java.util.ArrayList;
import java.util.List;

/** The words of a text (runs of letters, digits and apostrophes), as code point offsets, end exclusive. */
final class Words {

    private Words() {
    }

    /** Each word's {@code [start, end)} in code points, in order. */
    static List<int[]> of(String text) {
        List<int[]> words = new ArrayList<>();
        int[] codePoints = text.codePoints().toArray();
        int start = -1;
        for (int i = 0; i <= codePoints.length; i++) {
            boolean inWord = i < codePoints.length && isWordPart(codePoints[i]);
            if (inWord && start < 0) {
                start = i;
            } else if (!inWord && start >= 0) {
                words.add(new int[] {start, i});
                start = -1;
            }
        }
        return words;
    }

    private static boolean isWordPart(int codePoint) {
        return Character.isLetterOrDigit(codePoint) || codePoint == '\'' || codePoint == '\u2019';
    }
}
