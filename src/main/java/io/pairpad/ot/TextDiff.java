package io.pairpad.ot;

import com.github.difflib.algorithm.Change;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a whole-text update into an operation that touches only what changed, so that it
 * merges with concurrent edits elsewhere in the text. The common prefix and suffix are
 * retained, widened to whole lines, and the rest is diffed by lines, then changed lines by
 * code points. Working in whole lines keeps an edit of one line from reaching into a
 * neighbouring line that happens to look alike, where someone else may be typing. Where a
 * diff would cost too much, the region is replaced as a whole: correct, only coarser.
 */
public final class TextDiff {

    /** Lines longer than this are not widened to, so a huge one-line text still diffs quickly. */
    private static final int MAX_LINE_WIDENING = 10_000;

    private TextDiff() {
    }

    public static TextOperation between(String oldText, String newText) {
        int prefix = backToLineStart(oldText, commonPrefix(oldText, newText));
        int suffix = forwardToLineStart(oldText, newText, commonSuffix(oldText, newText, prefix));
        TextOperation.Builder operation = TextOperation.builder().retain(prefix);
        diffLines(oldText.substring(prefix, oldText.length() - suffix),
                newText.substring(prefix, newText.length() - suffix), operation);
        return operation.retain(suffix).build();
    }

    private static void diffLines(String oldText, String newText, TextOperation.Builder operation) {
        if (oldText.isEmpty() || newText.isEmpty()) {
            replace(oldText, newText, operation);
            return;
        }
        List<String> oldLines = lines(oldText);
        List<String> newLines = lines(newText);
        List<Change> changes = LimitedMyersDiff.changes(oldLines, newLines).orElse(null);
        if (changes == null) {
            replace(oldText, newText, operation);
            return;
        }
        int[] oldStarts = starts(oldLines);
        int[] newStarts = starts(newLines);
        int done = 0;
        for (Change change : changes) {
            int start = oldStarts[change.startOriginal];
            operation.retain(start - done);
            diffCodePoints(oldText.substring(start, oldStarts[change.endOriginal]),
                    newText.substring(newStarts[change.startRevised], newStarts[change.endRevised]), operation);
            done = oldStarts[change.endOriginal];
        }
        operation.retain(oldText.length() - done);
    }

    private static void diffCodePoints(String oldText, String newText, TextOperation.Builder operation) {
        if (oldText.isEmpty() || newText.isEmpty()) {
            replace(oldText, newText, operation);
            return;
        }
        CodePoints oldPoints = new CodePoints(oldText);
        CodePoints newPoints = new CodePoints(newText);
        List<Change> changes = LimitedMyersDiff.changes(oldPoints, newPoints).orElse(null);
        if (changes == null) {
            replace(oldText, newText, operation);
            return;
        }
        int done = 0;
        for (Change change : changes) {
            int start = oldPoints.charIndex(change.startOriginal);
            int end = oldPoints.charIndex(change.endOriginal);
            operation.retain(start - done)
                    .insert(newText.substring(newPoints.charIndex(change.startRevised), newPoints.charIndex(change.endRevised)))
                    .delete(end - start);
            done = end;
        }
        operation.retain(oldText.length() - done);
    }

    private static void replace(String oldText, String newText, TextOperation.Builder operation) {
        operation.insert(newText).delete(oldText.length());
    }

    /** Length of the common prefix, not ending between the two halves of a surrogate pair. */
    private static int commonPrefix(String a, String b) {
        int max = Math.min(a.length(), b.length());
        int n = 0;
        while (n < max && a.charAt(n) == b.charAt(n)) {
            n++;
        }
        return n > 0 && Character.isHighSurrogate(a.charAt(n - 1)) ? n - 1 : n;
    }

    /** Length of the common suffix that does not overlap the prefix nor start inside a surrogate pair. */
    private static int commonSuffix(String a, String b, int prefix) {
        int max = Math.min(a.length(), b.length()) - prefix;
        int n = 0;
        while (n < max && a.charAt(a.length() - 1 - n) == b.charAt(b.length() - 1 - n)) {
            n++;
        }
        return n > 0 && Character.isLowSurrogate(a.charAt(a.length() - n)) ? n - 1 : n;
    }

    /** Shortens a common prefix to end at a line start, unless that line is very long. */
    private static int backToLineStart(String text, int prefix) {
        int start = prefix;
        while (start > 0 && text.charAt(start - 1) != '\n') {
            start--;
            if (prefix - start > MAX_LINE_WIDENING) {
                return prefix;
            }
        }
        return start;
    }

    /** Shortens a common suffix to begin at a line start in both texts, unless that line is very long. */
    private static int forwardToLineStart(String a, String b, int suffix) {
        if (startsLine(a, a.length() - suffix) && startsLine(b, b.length() - suffix)) {
            return suffix;
        }
        int n = suffix;
        while (n > 0) {
            n--;
            if (a.charAt(a.length() - 1 - n) == '\n') {
                return n;
            }
            if (suffix - n > MAX_LINE_WIDENING) {
                return suffix;
            }
        }
        return 0;
    }

    private static boolean startsLine(String text, int index) {
        return index == 0 || text.charAt(index - 1) == '\n';
    }

    /** The text cut after each line feed; the last line may lack one. */
    private static List<String> lines(String text) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        while (start < text.length()) {
            int newline = text.indexOf('\n', start);
            int end = newline < 0 ? text.length() : newline + 1;
            lines.add(text.substring(start, end));
            start = end;
        }
        return lines;
    }

    /** Offset of each line, plus the text length at the end. */
    private static int[] starts(List<String> lines) {
        int[] starts = new int[lines.size() + 1];
        for (int i = 0; i < lines.size(); i++) {
            starts[i + 1] = starts[i] + lines.get(i).length();
        }
        return starts;
    }

    /** A text as a list of code points, so that a diff never splits a surrogate pair. */
    private static final class CodePoints extends AbstractList<Integer> {
        private final int[] points;
        private final int[] charIndexes;

        CodePoints(String text) {
            points = text.codePoints().toArray();
            charIndexes = new int[points.length + 1];
            for (int i = 0; i < points.length; i++) {
                charIndexes[i + 1] = charIndexes[i] + Character.charCount(points[i]);
            }
        }

        @Override
        public Integer get(int index) {
            return points[index];
        }

        @Override
        public int size() {
            return points.length;
        }

        int charIndex(int pointIndex) {
            return charIndexes[pointIndex];
        }
    }
}
