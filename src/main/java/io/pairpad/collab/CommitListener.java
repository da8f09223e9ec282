package io.pairpad.collab;

import java.util.List;

/**
 * Told what became durable, in commit order on the op log's delivery thread, and what could not be stored, on
 * its writer thread once every op committed before has been delivered.
 */
public interface CommitListener {
    void committed(PendingOp op);

    /** None of {@code ops} was stored; they are in revision order. */
    void failed(List<PendingOp> ops, Exception cause);

    /**
     * None of {@code ops} was stored: another instance took the revision of one of them, or the log already
     * holds one of their op ids (a resend this room no longer remembered).
     */
    void lostRace(List<PendingOp> ops);

    /**
     * False for an op that must not be written any more: its room failed, or sequenced it again after losing
     * a race. Later ops of a room are never written after a gap.
     */
    boolean accepts(PendingOp op);
}
