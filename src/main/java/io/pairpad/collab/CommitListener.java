package io.pairpad.collab;

import java.util.List;

/** Told, on the op log's writer thread, what became durable and what could not be stored. */
public interface CommitListener {
    void committed(PendingOp op);

    /** None of {@code ops} was stored; they are in revision order. */
    void failed(List<PendingOp> ops, Exception cause);

    /** Another instance took the revision of the first of {@code ops}; none of them was stored. */
    void lostRace(List<PendingOp> ops);

    /**
     * False for an op that must not be written any more: its room failed, or sequenced it again after losing
     * a race. Later ops of a room are never written after a gap.
     */
    boolean accepts(PendingOp op);
}
