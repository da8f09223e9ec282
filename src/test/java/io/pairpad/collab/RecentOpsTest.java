package io.pairpad.collab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.pairpad.ot.TextOperation;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RecentOpsTest {
    private static SequencedOp op(long revision) {
        return new SequencedOp(revision, "op-" + revision, TextOperation.builder().insert("x").build(), "c", "n");
    }

    private static RecentOps window(long from, long last) {
        RecentOps recent = new RecentOps(from);
        for (long r = from + 1; r <= last; r++) {
            recent.add(op(r));
        }
        return recent;
    }

    private static List<Long> revisions(List<SequencedOp> ops) {
        return ops.stream().map(SequencedOp::revision).toList();
    }

    @Test
    void findsOpsByRevisionAndById() {
        RecentOps recent = window(10, 15);
        assertEquals(15, recent.last());
        assertEquals(Optional.of(12L), recent.revisionOf("op-12"));
        assertEquals(Optional.empty(), recent.revisionOf("op-10"));
        assertEquals("op-11", recent.at(11).orElseThrow().opId());
        assertTrue(recent.at(10).isEmpty());
        assertTrue(recent.at(16).isEmpty());
        assertEquals(List.of(13L, 14L), revisions(recent.between(12, 14)));
        assertEquals(List.of(11L, 12L), revisions(recent.between(3, 12)));
        assertEquals(List.of(), revisions(recent.between(15, 20)));
    }

    @Test
    void refusesAGap() {
        RecentOps recent = window(0, 3);
        assertThrows(IllegalStateException.class, () -> recent.add(op(5)));
    }

    @Test
    void removesTheTailAndForgetsItsIds() {
        RecentOps recent = window(0, 6);
        assertEquals(List.of(5L, 6L), revisions(recent.removeAfter(4)));
        assertEquals(4, recent.last());
        assertTrue(recent.revisionOf("op-5").isEmpty());
        recent.add(op(5));
        assertEquals(List.of(5L), revisions(recent.between(4, 5)));
    }

    @Test
    void trimsTheOldestButNeverAnUncommittedOp() {
        RecentOps recent = window(0, 300);
        recent.trim(100, 150);
        assertEquals(150, recent.from());
        assertTrue(recent.revisionOf("op-150").isEmpty());
        assertEquals(Optional.of(151L), recent.revisionOf("op-151"));
        recent.trim(100, 300);
        assertEquals(200, recent.from());
        assertEquals(100, recent.size());
        assertEquals(List.of(201L, 202L), revisions(recent.between(0, 202)));
        assertEquals("op-300", recent.at(300).orElseThrow().opId());
        recent.add(op(301));
        assertEquals(List.of(300L, 301L), revisions(recent.between(299, 301)));
    }
}
