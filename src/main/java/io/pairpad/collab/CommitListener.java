package io.pairpad.collab;

import java.util.List;

/** Told, on the op log's writer thread, what became durable and what could not be stored. */
public interface CommitListener {
    void committed(PendingOp op);

    /** None of {@code ops} was stored; they are in revision order. */
    void failed(List<PendingOp> ops, Exception cause);

    /** True once an op has failed: later ops of the same room are failed too, never written after a gap. */
    boolean isBroken();
}
