package io.pairpad.collab;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A room's latest sequenced ops, revisions {@code from() + 1 .. last()} with no gap, found by revision or by op
 * id in constant time. Ops on a recent base are transformed against the few ops after it, so a long window
 * costs memory only, never time per op.
 */
final class RecentOps {
    private final List<SequencedOp> ops = new ArrayList<>();
    private final Map<String, Long> revisionsById = new HashMap<>();
    /** Index in {@link #ops} of revision {@code from + 1}; dropped ops are compacted away in bulk. */
    private int head;
    /** Volatile: the room reads it without its lock to tell which messages may block. */
    private volatile long from;

    RecentOps(long from) {
        this.from = from;
    }

    /** The revision just before the oldest op held: ops on an older base must be read from the log. */
    long from() {
        return from;
    }

    long last() {
        return from + size();
    }

    int size() {
        return ops.size() - head;
    }

    void add(SequencedOp op) {
        if (op.revision() != last() + 1) {
            throw new IllegalStateException("Revision " + op.revision() + " does not follow " + last());
        }
        ops.add(op);
        revisionsById.put(op.opId(), op.revision());
    }

    Optional<Long> revisionOf(String opId) {
        return Optional.ofNullable(revisionsById.get(opId));
    }

    /** The op that made {@code revision}, if it is held. */
    Optional<SequencedOp> at(long revision) {
        if (revision <= from || revision > last()) {
            return Optional.empty();
        }
        return Optional.of(ops.get(indexOf(revision)));
    }

    /** The ops after {@code revision} up to and including {@code upTo}, oldest first (a view). */
    List<SequencedOp> between(long revision, long upTo) {
        long start = Math.max(revision, from);
        long end = Math.min(upTo, last());
        if (start >= end) {
            return List.of();
        }
        return ops.subList(indexOf(start + 1), indexOf(end) + 1);
    }

    /** Removes and returns the ops after {@code revision}, oldest first. */
    List<SequencedOp> removeAfter(long revision) {
        List<SequencedOp> tail = between(revision, last());
        List<SequencedOp> removed = List.copyOf(tail);
        tail.clear();
        removed.forEach(op -> revisionsById.remove(op.opId()));
        return removed;
    }

    /** Drops the oldest ops while more than {@code keep} are held, never one after {@code committed}. */
    void trim(int keep, long committed) {
        while (size() > keep && from < committed) {
            SequencedOp oldest = ops.get(head);
            ops.set(head, null);
            head++;
            from = oldest.revision();
            revisionsById.remove(oldest.opId());
        }
        if (head > ops.size() / 2 && head > 64) {
            ops.subList(0, head).clear();
            head = 0;
        }
    }

    private int indexOf(long revision) {
        return head + (int) (revision - from - 1);
    }
}
