package io.pairpad.ot;

import com.github.difflib.algorithm.Change;
import com.github.difflib.algorithm.DiffAlgorithmListener;
import com.github.difflib.algorithm.myers.MyersDiff;

import java.util.List;
import java.util.Optional;

/**
 * Myers' diff (from java-diff-utils) that gives up instead of running long. Its cost grows
 * with (number of tokens) × (edit distance), so the number of edit steps allowed shrinks
 * as the inputs grow.
 */
final class LimitedMyersDiff {

    private static final long WORK_LIMIT = 20_000_000L;
    private static final int MAX_EDIT_STEPS = 1_000;

    private LimitedMyersDiff() {
    }

    /** The changes from {@code original} to {@code revised}, token index ranges with exclusive ends; empty if too costly. */
    static <T> Optional<List<Change>> changes(List<T> original, List<T> revised) {
        long tokens = (long) original.size() + revised.size() + 1;
        int maxSteps = (int) Math.min(MAX_EDIT_STEPS, WORK_LIMIT / tokens);
        try {
            return Optional.of(new MyersDiff<T>().computeDiff(original, revised, new StepLimit(maxSteps)));
        } catch (TooCostly e) {
            return Optional.empty();
        }
    }

    private static final class StepLimit implements DiffAlgorithmListener {
        private final int maxSteps;

        StepLimit(int maxSteps) {
            this.maxSteps = maxSteps;
        }

        @Override
        public void diffStart() {
        }

        /** Called once per edit-distance step of the search. */
        @Override
        public void diffStep(int step, int max) {
            if (step > maxSteps) {
                throw TooCostly.INSTANCE;
            }
        }

        @Override
        public void diffEnd() {
        }
    }

    private static final class TooCostly extends RuntimeException {
        static final TooCostly INSTANCE = new TooCostly();

        private TooCostly() {
            super("diff exceeded its step limit", null, false, false);
        }
    }
}
