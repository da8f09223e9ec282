package io.pairpad.collab;

import io.pairpad.cluster.RoomEvent;
import io.pairpad.ot.InvalidOperationException;
import io.pairpad.ot.Rope;
import io.pairpad.ot.SurrogatePairs;
import io.pairpad.ot.TextOperation;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The authority over an open room on this instance. It sequences ops (transform against what came after the
 * op's base, apply, number), hands them to the op log, and only once the log has committed them acks the
 * author and sends them to the others. All state is guarded by this object's lock; rooms run in parallel.
 *
 * <p>Two revisions are tracked: {@code revision}, the last op sequenced, and {@code committedRevision}, the
 * last op the database holds. Clients only ever see committed revisions.
 *
 * <p>With several instances, the op log's primary key is the sequencer. Ops committed elsewhere arrive over the
 * bus, or are read from the log when the bus leaves a gap, and are applied in revision order. When one takes a
 * revision that this room's own op was sequenced at, that op and the ones after it cannot be stored any more:
 * they are taken back, transformed over the other instance's op and sequenced again at once. When the log
 * refuses an own op first, the room holds its ops back until it has read from the log what it missed.
 */
public final class LiveRoom implements CommitListener {
    /**
     * Ops kept in memory to transform late ops against; older ones are read from the log. Clients lag a few
     * revisions, so a short window serves nearly every op. It is kept shorter than the time between two young
     * collections at typing load (32 ops are 3 s of a busy pair's room): with 128, each op survived three
     * collections and copying them made most of every pause (8 MB at ages 1-3, 15 ms, in pair).
     */
    private static final int RECENT_OPS = 32;
    /**
     * A checkpoint every 100 to 199 ops, the gap drawn afresh each time: rooms whose typing started together
     * would otherwise reach their checkpoints together for ever, and their writes would all land in one commit.
     */
    private static final int MIN_CHECKPOINT_INTERVAL = 100;
    private static final int CHARS_PER_CHECKPOINT_OP = 1_000;
    /** How often one op may lose the race for a revision before its author is told to start over. */
    private static final int MAX_RACES_LOST = 50;
    /** How long an op from the bus may wait for the ones before it before they are read from the log. */
    private static final long BUS_GAP_GRACE_MILLIS = 50;
    private static final long CATCH_UP_RETRY_MILLIS = 500;

    private final UUID id;
    private final RoomContext context;

    private Rope text;
    private long revision;
    private Rope committedText;
    private long committedRevision;
    private long lastCheckpoint;
    private int checkpointSpread = nextCheckpointSpread();
    private long epoch;
    private String language;
    /** The latest sequenced ops, up to {@code revision}: what late ops are transformed against. */
    private final RecentOps recent;
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    private final Map<String, RemoteUser> remoteUsers = new LinkedHashMap<>();
    /** Joiners waiting for the ops sequenced before they came to be committed, keyed by that revision. */
    private final Map<Long, List<Joiner>> waitingForInit = new HashMap<>();
    private final Map<String, List<Participant>> waitingForAck = new HashMap<>();
    private final Map<String, CompletableFuture<Long>> waitingForCommit = new HashMap<>();
    private final Map<String, Integer> racesLost = new HashMap<>();
    /**
     * Each uncommitted op as it was made and the revision it was made on. An op that loses its revision to
     * another instance is transformed again from this, just as its author's client does, over the new order.
     */
    private final Map<String, Submitted> uncommitted = new HashMap<>();
    /** Ops other instances committed that came over the bus ahead of the ones before them, by revision. */
    private final TreeMap<Long, ForeignOp> foreignAhead = new TreeMap<>();
    /**
     * Own ops the log refused, and every op submitted after them, in order: they wait for the op that took their
     * revision, from the bus or the log, and then are sequenced (or acked, when the log holds their id: resends).
     */
    private final List<HeldOp> held = new ArrayList<>();
    /** The revision the held ops lost: once another instance's op for it arrives, they can go again. */
    private long heldUntil;
    /** An op lost more than once: maybe its id is in the log already, which only the catch-up looks up. */
    private boolean heldNeedsLookup;
    /** When the catch-up from the log next runs ({@link System#nanoTime}); MAX_VALUE when none is due. */
    private long catchUpDue = Long.MAX_VALUE;
    private State state = State.OPEN;

    private enum State { OPEN, RETIRED, BROKEN, DELETED }

    private record Joiner(Participant participant, boolean announce) {
    }

    private record Submitted(long baseRevision, TextOperation op) {
    }

    private record HeldOp(long baseRevision, TextOperation op, String opId, String clientId, String name) {
    }

    /** An op another instance committed; {@code clientId} and {@code name} are null for a server op. */
    private record ForeignOp(long revision, TextOperation op, String opJson, String opId, String clientId,
            String name) {
    }

    LiveRoom(UUID id, RoomHistory.Current current, RoomContext context) {
        this.id = id;
        this.context = context;
        this.text = current.text();
        this.committedText = current.text();
        this.revision = current.revision();
        this.committedRevision = current.revision();
        this.recent = new RecentOps(current.revision());
        this.lastCheckpoint = current.lastCheckpoint();
        this.language = current.snapshot().language();
    }

    public UUID id() {
        return id;
    }

    /** Adds a participant and sends it {@code init}; false when this room has retired and a new one is needed. */
    synchronized boolean join(Participant participant) {
        if (state != State.OPEN) {
            return false;
        }
        if (connectionCount() >= context.limits().maxConnectionsPerRoom()) {
            participant.send(context.messages().error("rate_limited",
                    "The room is full: at most " + context.limits().maxConnectionsPerRoom() + " connections"));
            participant.channel().close(CloseCodes.TRY_AGAIN_LATER, "room full");
            return true;
        }
        List<RoomUser> present = new ArrayList<>(everyone());
        present.addAll(remoteUsers.values());
        participant.color(Colors.pick(present));
        initWhenCommitted(new Joiner(participant, true));
        return true;
    }

    synchronized void leave(Participant participant) {
        boolean wasPresent = participants.remove(participant.clientId()) != null;
        waitingForInit.values().forEach(list -> list.removeIf(j -> j.participant() == participant));
        waitingForAck.values().forEach(list -> list.remove(participant));
        if (wasPresent) {
            broadcast(context.messages().userLeft(participant.clientId(), activeUsers()), null);
            context.publish(id, RoomEvent.left(context.instanceId(), participant.clientId()));
        }
        context.presenceChanged(id, activeUsers());
        retireIfIdle();
    }

    /**
     * Sequences an op that {@code author} made on the text at {@code baseRevision}. A resent op (a known
     * {@code opId}) is acked again with its first revision and not applied twice.
     */
    synchronized void submit(Participant author, long baseRevision, String opId, TextOperation op) {
        if (state != State.OPEN) {
            author.send(context.messages().error("internal", "The room is closing; reconnect"));
            return;
        }
        Optional<Long> original = originalRevision(opId, baseRevision);
        if (original.isPresent()) {
            ackWhenCommitted(author, original.get(), opId);
            return;
        }
        if (isHeld(opId)) {
            waitingForAck.computeIfAbsent(opId, r -> new ArrayList<>()).add(author);
            return;
        }
        if (baseRevision < 0 || baseRevision > committedRevision) {
            reject(author, "invalid_op", "Revision " + baseRevision + " is not one this room has sent (latest "
                    + committedRevision + ")");
            return;
        }
        try {
            sequenceOrHold(baseRevision, op, opId, author.clientId(), author.name());
        } catch (InvalidOperationException e) {
            reject(author, "invalid_op", e.getMessage());
        } catch (DocumentTooLargeException e) {
            reject(author, "too_large", e.getMessage());
        }
    }

    /**
     * Whether an op made on {@code baseRevision} is transformed against ops read from the log. Read without the
     * room's lock, so the answer may be a moment old: the window only moves forward.
     */
    boolean readsHistoryFor(long baseRevision) {
        return baseRevision < recent.from();
    }

    /**
     * A whole new text from a simple client, made on the text at {@code requestedBase}, or at the latest
     * committed revision when it is negative.
     */
    synchronized void submitText(Participant author, long requestedBase, String opId, String newText) {
        long baseRevision = requestedBase < 0 ? committedRevision : requestedBase;
        if (baseRevision > committedRevision) {
            reject(author, "invalid_op", "Revision " + baseRevision + " is not one this room has sent (latest "
                    + committedRevision + ")");
            return;
        }
        if (originalRevision(opId, baseRevision).isPresent()) {
            submit(author, baseRevision, opId, TextOperation.builder().build());
            return;
        }
        String base = baseRevision == committedRevision ? committedText.toString()
                : context.history().codeAt(id, baseRevision);
        submit(author, baseRevision, opId, context.diff(base, newText));
    }

    /** An op made by the server itself (a REST change) on the current text; completes once committed. */
    synchronized CompletableFuture<Long> submitFromServer(String newText) {
        CompletableFuture<Long> committed = new CompletableFuture<>();
        if (state != State.OPEN) {
            committed.completeExceptionally(new IllegalStateException("The room is closing"));
            return committed;
        }
        TextOperation op = context.diff(committedText.toString(), newText);
        if (op.isNoop() && revision == committedRevision && held.isEmpty()) {
            committed.complete(revision);
            retireIfIdle();
            return committed;
        }
        String opId = "server:" + UUID.randomUUID();
        try {
            sequenceOrHold(committedRevision, op, opId, null, null);
            waitingForCommit.put(opId, committed);
        } catch (DocumentTooLargeException | InvalidOperationException e) {
            committed.completeExceptionally(e);
        }
        return committed;
    }

    /** A selection in the text at {@code requestedRevision}, or at the latest committed one when negative. */
    synchronized void moveCursor(Participant who, long requestedRevision, int anchor, int head) {
        if (!participants.containsKey(who.clientId())) {
            return;
        }
        long atRevision = requestedRevision < 0 ? committedRevision : requestedRevision;
        if (atRevision > committedRevision) {
            who.send(context.messages().error("validation_failed",
                    "Field 'revision' must be from 0 to " + committedRevision));
            return;
        }
        int length = lengthAt(atRevision);
        if (length < 0) {
            return;
        }
        if (anchor < 0 || head < 0 || anchor > length || head > length) {
            who.send(context.messages().error("validation_failed",
                    "Fields 'anchor' and 'head' must be from 0 to " + length));
            return;
        }
        who.select(mapThroughCommitted(anchor, atRevision), mapThroughCommitted(head, atRevision));
        broadcast(context.messages().cursor(who), who);
        context.publish(id, RoomEvent.cursor(context.instanceId(), who.clientId(), committedRevision,
                who.anchor(), who.head()));
    }

    synchronized void changeLanguage(String newLanguage, String byClientId) {
        language = newLanguage;
        broadcast(context.messages().language(newLanguage, byClientId), participants.get(byClientId));
    }

    /** Refuses a client's op or text: it gets the error, then a fresh {@code init} to start over from. */
    synchronized void refuse(Participant author, String error, String message) {
        reject(author, error, message);
    }

    /** The room was deleted: everyone is closed with 4410 and nothing more is sequenced. */
    synchronized void delete() {
        state = State.DELETED;
        for (Participant p : everyone()) {
            p.channel().close(CloseCodes.ROOM_DELETED, "room deleted");
        }
        participants.clear();
        waitingForInit.clear();
        failWaiters(new IllegalStateException("The room was deleted"));
    }

    /** Server shutdown: everyone is closed with 1001 once the log has been flushed. */
    synchronized void shutDown() {
        for (Participant p : everyone()) {
            p.channel().close(CloseCodes.GOING_AWAY, "server shutting down");
        }
        participants.clear();
        waitingForInit.clear();
        if (state == State.OPEN) {
            state = State.RETIRED;
            context.opLog().snapshot(id, committedRevision, committedText);
        }
    }

    /** Connections to this instance, joined or waiting for their {@code init}. */
    synchronized int connectionCount() {
        int waiting = waitingForInit.values().stream().mapToInt(List::size).sum();
        return participants.size() + waiting;
    }

    /** Everyone in the room, on any instance. */
    synchronized int activeUsers() {
        return connectionCount() + remoteUsers.size();
    }

    // ---- what other instances say --------------------------------------------------------------------

    /** An event from another instance serving this room. */
    synchronized void remoteEvent(RoomEvent event) {
        if (state != State.OPEN) {
            return;
        }
        switch (event.kind()) {
            case OP -> remoteOp(event);
            case JOINED -> {
                RemoteUser user = new RemoteUser(event.clientId(), event.name(), event.color(), event.anchor(),
                        event.head(), event.from());
                boolean isNew = remoteUsers.put(user.clientId(), user) == null;
                if (isNew) {
                    broadcast(context.messages().userJoined(user, activeUsers()), null);
                    context.presenceChanged(id, activeUsers());
                }
            }
            case LEFT -> removeRemote(event.clientId());
            case CURSOR -> {
                RemoteUser user = remoteUsers.get(event.clientId());
                if (user != null && event.revision() != null) {
                    long at = Math.min(event.revision(), committedRevision);
                    RemoteUser moved = user.movedTo(mapThroughCommitted(event.anchor(), at),
                            mapThroughCommitted(event.head(), at));
                    remoteUsers.put(moved.clientId(), moved);
                    broadcast(context.messages().cursor(moved), null);
                }
            }
            case LANGUAGE -> changeLanguage(event.language(), event.clientId());
            case SYNC -> announceParticipants();
            case DELETED -> delete();
        }
    }

    /** Tells the other instances who is in the room here. */
    synchronized void announceParticipants() {
        participants.values().forEach(this::announce);
    }

    /** Instances with users in this room, so the hub can check they are alive. */
    synchronized Set<String> remoteInstances() {
        Set<String> instances = new HashSet<>();
        remoteUsers.values().forEach(u -> instances.add(u.instance()));
        return instances;
    }

    /** Users of instances that stopped sending heartbeats leave. */
    synchronized void dropInstances(Set<String> dead) {
        for (RemoteUser user : List.copyOf(remoteUsers.values())) {
            if (dead.contains(user.instance())) {
                removeRemote(user.clientId());
            }
        }
    }

    /** Reads what other instances committed meanwhile from the log, soon and off the caller's thread. */
    synchronized void catchUpSoon() {
        requestCatchUp(0);
    }

    /**
     * Reads from the log the ops committed after this room's latest and applies them, then sequences the held
     * ops. Runs on the hub's catch-up thread; the reads are made without the room's lock.
     */
    void catchUpFromLog() {
        long from;
        List<String> heldIds;
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            catchUpDue = Long.MAX_VALUE;
            from = committedRevision;
            heldIds = held.stream().map(HeldOp::opId).toList();
        }
        List<StoredOp> missed;
        Map<String, Long> heldStored = new HashMap<>();
        try {
            missed = context.history().opsBetween(id, from, Long.MAX_VALUE);
            for (String opId : heldIds) {
                context.history().revisionOf(id, opId).ifPresent(r -> heldStored.put(opId, r));
            }
        } catch (RuntimeException e) {
            synchronized (this) {
                requestCatchUp(CATCH_UP_RETRY_MILLIS);
            }
            throw e;
        }
        synchronized (this) {
            if (state != State.OPEN) {
                return;
            }
            for (StoredOp stored : missed) {
                foreignCommitted(new ForeignOp(stored.revision(), context.history().parse(stored), stored.op(),
                        stored.opId(), stored.clientId(), stored.name()));
            }
            if (catchUpDue == Long.MAX_VALUE) {
                // else a later loss asked for another catch-up meanwhile, and that one releases what is held
                releaseHeld(heldStored);
            }
            retireIfIdle();
        }
    }

    // ---- what the op log says ------------------------------------------------------------------------

    @Override
    public synchronized void committed(PendingOp op) {
        if (!accepts(op)) {
            return;
        }
        racesLost.remove(op.opId());
        uncommitted.remove(op.opId());
        deliver(op.revision(), op.op(), op.opJson(), op.opId(), op.clientId(), op.textAfter());
        context.publish(id, RoomEvent.op(context.instanceId(), op.revision(), op.opJson(), op.opId(),
                op.clientId(), op.name()));
        List<Joiner> joiners = waitingForInit.remove(op.revision());
        if (joiners != null) {
            joiners.forEach(this::init);
        }
        applyForeignAhead();
        trimRecent();
        retireIfIdle();
    }

    @Override
    public synchronized void failed(List<PendingOp> ops, Exception cause) {
        if (state != State.OPEN || !accepts(ops.get(0))) {
            return;
        }
        // Sequenced but unstored ops cannot be taken back from this room's memory: drop the room and let
        // every client reconnect to a fresh copy, resending what was not acked.
        state = State.BROKEN;
        for (Participant p : everyone()) {
            p.send(context.messages().error("internal", "Your latest edits could not be stored yet; reconnect"));
            p.channel().close(CloseCodes.SERVER_ERROR, "storage failed");
        }
        participants.clear();
        waitingForInit.clear();
        failWaiters(cause);
        uncommitted.clear();
        held.clear();
        foreignAhead.clear();
        context.retired(this);
    }

    /**
     * Runs on the op log's writer thread, so it reads nothing: the ops are held back until the op that took
     * their revision comes over the bus, or else until the room has caught up from the log.
     */
    @Override
    public synchronized void lostRace(List<PendingOp> ops) {
        if (state != State.OPEN || !accepts(ops.get(0))) {
            return;
        }
        List<Joiner> joiners = new ArrayList<>();
        List<SequencedOp> own = takeBackOwn(joiners);
        for (SequencedOp lost : own) {
            int losses = racesLost.merge(lost.opId(), 1, Integer::sum);
            heldNeedsLookup |= losses > 1;
            held.add(asSubmitted(lost));
        }
        heldUntil = committedRevision + 1;
        joiners.forEach(this::initWhenCommitted);
        requestCatchUp(heldNeedsLookup || !context.hearsOtherInstances() ? 0 : BUS_GAP_GRACE_MILLIS);
    }

    @Override
    public synchronized boolean accepts(PendingOp op) {
        return (state == State.OPEN || state == State.RETIRED) && op.epoch() == epoch;
    }

    // ---- inside -----------------------------------------------------------------------------------------

    /** Transforms {@code submitted}, made on {@code baseRevision}, over everything after it, and sequences it. */
    private void sequence(long baseRevision, TextOperation submitted, String opId, String clientId, String name) {
        TextOperation op = transformFrom(baseRevision, submitted);
        if (SurrogatePairs.broken(op, text)) {
            throw new InvalidOperationException("The op would cut a character in two (a UTF-16 surrogate pair)"
                    + " or insert U+0000, which cannot be stored");
        }
        Rope after = op.apply(text);
        if (after.length() > context.limits().maxDocChars() && after.length() > text.length()) {
            throw new DocumentTooLargeException("The document would be " + after.length()
                    + " characters; the limit is " + context.limits().maxDocChars());
        }
        text = after;
        revision++;
        recent.add(new SequencedOp(revision, opId, op, clientId, name));
        uncommitted.put(opId, new Submitted(baseRevision, submitted));
        boolean checkpoint = revision - lastCheckpoint
                >= Math.max(MIN_CHECKPOINT_INTERVAL, after.length() / CHARS_PER_CHECKPOINT_OP) + checkpointSpread;
        if (checkpoint) {
            lastCheckpoint = revision;
            checkpointSpread = nextCheckpointSpread();
        }
        String json = context.opJson(op);
        context.opLog().append(new PendingOp(id, revision, opId, op, json, clientId, name, after, checkpoint, epoch),
                this);
    }

    /**
     * Sequences {@code op} now, or holds it back behind ops waiting for the room to catch up from the log, so
     * that ops are sequenced in the order they came.
     */
    private void sequenceOrHold(long baseRevision, TextOperation op, String opId, String clientId, String name) {
        if (held.isEmpty()) {
            sequence(baseRevision, op, opId, clientId, name);
        } else {
            held.add(new HeldOp(baseRevision, op, opId, clientId, name));
        }
    }

    /**
     * Sequences again an own op that could not be stored, transformed afresh from its base over the new order;
     * unless the log holds its id ({@code storedAt}), which makes it a resend, acked with its first revision.
     */
    private void resequence(HeldOp lost, Optional<Long> storedAt) {
        Participant author = lost.clientId() == null ? null : participants.get(lost.clientId());
        if (storedAt.isPresent()) {
            racesLost.remove(lost.opId());
            if (author != null) {
                ackWhenCommitted(author, storedAt.get(), lost.opId());
            }
            return;
        }
        try {
            if (racesLost.getOrDefault(lost.opId(), 0) > MAX_RACES_LOST) {
                throw new InvalidOperationException("The room is too busy to take this op; resend it");
            }
            sequence(lost.baseRevision(), lost.op(), lost.opId(), lost.clientId(), lost.name());
        } catch (InvalidOperationException | DocumentTooLargeException e) {
            racesLost.remove(lost.opId());
            CompletableFuture<Long> waiter = waitingForCommit.remove(lost.opId());
            if (waiter != null) {
                waiter.completeExceptionally(e);
            }
            if (author != null) {
                reject(author, e instanceof DocumentTooLargeException ? "too_large" : "invalid_op", e.getMessage());
            }
        }
    }

    /** After a catch-up from the log: the held ops are sequenced (or acked, if the log holds them) in order. */
    private void releaseHeld(Map<String, Long> storedAt) {
        List<HeldOp> release = List.copyOf(held);
        held.clear();
        heldNeedsLookup = false;
        for (HeldOp op : release) {
            resequence(op, Optional.ofNullable(storedAt.get(op.opId())).or(() -> recent.revisionOf(op.opId())));
        }
    }

    /** An own op taken back out of the order, as its author made it, to be sequenced again. */
    private HeldOp asSubmitted(SequencedOp own) {
        Submitted submitted = uncommitted.remove(own.opId());
        return new HeldOp(submitted.baseRevision(), submitted.op(), own.opId(), own.clientId(), own.name());
    }

    /**
     * Takes this room's uncommitted ops back out of the order, with the joiners waiting for them; the epoch
     * changes, so the log writes none of them any more.
     */
    private List<SequencedOp> takeBackOwn(List<Joiner> joiners) {
        epoch++;
        waitingForInit.values().forEach(joiners::addAll);
        waitingForInit.clear();
        List<SequencedOp> own = recent.removeAfter(committedRevision);
        text = committedText;
        revision = committedRevision;
        return own;
    }

    /** Makes an op committed here known: state, cursors, and the messages to this instance's clients. */
    private void deliver(long opRevision, TextOperation op, String opJson, String opId, String authorId,
            Rope textAfter) {
        committedRevision = opRevision;
        committedText = textAfter;
        List<Participant> present = List.copyOf(participants.values());
        for (Participant p : present) {
            p.select(op.transformPosition(p.anchor()), op.transformPosition(p.head()));
        }
        remoteUsers.replaceAll((clientId, u) -> u.movedTo(op.transformPosition(u.anchor()),
                op.transformPosition(u.head())));
        String opMessage = null;
        String fullMessage = null;
        for (Participant p : present) {
            if (p.clientId().equals(authorId)) {
                p.send(context.messages().ack(opRevision, opId));
            } else if (p.fullUpdates()) {
                if (fullMessage == null) {
                    fullMessage = context.messages().codeUpdate(committedText.toString(), opRevision, authorId);
                }
                p.send(fullMessage);
            } else {
                if (opMessage == null) {
                    opMessage = context.messages().op(opRevision, opJson, authorId);
                }
                p.send(opMessage);
            }
        }
        List<Participant> acks = waitingForAck.remove(opId);
        if (acks != null) {
            acks.forEach(p -> p.send(context.messages().ack(opRevision, opId)));
        }
        CompletableFuture<Long> waiter = waitingForCommit.remove(opId);
        if (waiter != null) {
            waiter.complete(opRevision);
        }
    }

    /**
     * An op another instance committed. The next revision is applied at once, and with it any that came ahead
     * of it; a later one waits for the gap to fill, from the bus or else from the log.
     */
    private void foreignCommitted(ForeignOp foreign) {
        if (foreign.revision() <= committedRevision) {
            return;
        }
        if (foreign.revision() > committedRevision + 1) {
            foreignAhead.put(foreign.revision(), foreign);
            requestCatchUp(BUS_GAP_GRACE_MILLIS);
            return;
        }
        foreignAhead.put(foreign.revision(), foreign);
        applyForeignAhead();
    }

    /**
     * Applies the foreign ops that continue the committed order. Own ops sequenced at those revisions can never
     * be stored: they are taken back and sequenced again after them, transformed over them.
     */
    private void applyForeignAhead() {
        List<Joiner> joiners = new ArrayList<>();
        List<HeldOp> lost = new ArrayList<>();
        while (!foreignAhead.isEmpty() && foreignAhead.firstKey() <= committedRevision + 1) {
            ForeignOp next = foreignAhead.pollFirstEntry().getValue();
            if (next.revision() <= committedRevision || isOwn(next)) {
                continue;
            }
            if (revision > committedRevision) {
                // Not counted as a lost race: nothing was refused, and the room moved on by an op.
                for (SequencedOp own : takeBackOwn(joiners)) {
                    lost.add(asSubmitted(own));
                }
            }
            recent.add(new SequencedOp(next.revision(), next.opId(), next.op(), next.clientId(), next.name()));
            deliver(next.revision(), next.op(), next.opJson(), next.opId(), next.clientId(),
                    next.op().apply(committedText));
            text = committedText;
            revision = committedRevision;
        }
        for (HeldOp op : lost) {
            if (held.isEmpty()) {
                resequence(op, recent.revisionOf(op.opId()));
            } else {
                held.add(op);
            }
        }
        if (!held.isEmpty() && !heldNeedsLookup && committedRevision >= heldUntil) {
            releaseHeld(Map.of());
        }
        joiners.forEach(this::initWhenCommitted);
        trimRecent();
    }

    private void remoteOp(RoomEvent event) {
        if (event.revision() <= committedRevision) {
            return;
        }
        TextOperation op = TextOperation.fromJson(context.readJson(event.op()));
        foreignCommitted(new ForeignOp(event.revision(), op, event.op(), event.opId(), event.clientId(),
                event.name()));
    }

    /**
     * Whether a op read from the log is this room's own, committed but not yet reported by the log writer,
     * which will report it.
     */
    private boolean isOwn(ForeignOp op) {
        return recent.at(op.revision()).map(own -> own.opId().equals(op.opId())).orElse(false);
    }

    private boolean isHeld(String opId) {
        for (HeldOp op : held) {
            if (op.opId().equals(opId)) {
                return true;
            }
        }
        return false;
    }

    /** Has the hub run {@link #catchUpFromLog} after {@code delayMillis}, unless one is due sooner. */
    private void requestCatchUp(long delayMillis) {
        long due = System.nanoTime() + delayMillis * 1_000_000;
        if (catchUpDue == Long.MAX_VALUE || due - catchUpDue < 0) {
            catchUpDue = due;
            context.catchUpLater(this, delayMillis);
        }
    }

    private void removeRemote(String clientId) {
        if (remoteUsers.remove(clientId) != null) {
            broadcast(context.messages().userLeft(clientId, activeUsers()), null);
            context.presenceChanged(id, activeUsers());
        }
    }

    private void announce(Participant p) {
        context.publish(id, RoomEvent.joined(context.instanceId(), p.clientId(), p.name(), p.color(), p.anchor(),
                p.head()));
    }

    private TextOperation transformFrom(long baseRevision, TextOperation op) {
        TextOperation result = op;
        if (baseRevision < recent.from()) {
            for (StoredOp stored : context.history().opsBetween(id, baseRevision, recent.from())) {
                result = TextOperation.transform(result, context.history().parse(stored)).aPrime();
            }
        }
        for (SequencedOp later : recent.between(baseRevision, revision)) {
            result = TextOperation.transform(result, later.op()).aPrime();
        }
        return result;
    }

    private Optional<Long> originalRevision(String opId, long baseRevision) {
        Optional<Long> known = recent.revisionOf(opId);
        if (known.isPresent()) {
            return known;
        }
        // An op first sent before this window began has a base older than the window, or else its id is in
        // the log already (stored by another instance, or before this room was loaded): then the log's unique
        // index refuses it, and resequencing finds the original there.
        if (baseRevision < recent.from()) {
            return context.history().revisionOf(id, opId);
        }
        return Optional.empty();
    }

    private void ackWhenCommitted(Participant author, long originalRevision, String opId) {
        if (originalRevision <= committedRevision) {
            author.send(context.messages().ack(originalRevision, opId));
        } else {
            waitingForAck.computeIfAbsent(opId, r -> new ArrayList<>()).add(author);
        }
    }

    private void reject(Participant author, String error, String message) {
        author.send(context.messages().error(error, message));
        participants.remove(author.clientId());
        initWhenCommitted(new Joiner(author, false));
    }

    /** Sends {@code init} once every op sequenced so far is committed, so the joiner never misses one. */
    private void initWhenCommitted(Joiner joiner) {
        if (revision == committedRevision) {
            init(joiner);
        } else {
            waitingForInit.computeIfAbsent(revision, r -> new ArrayList<>()).add(joiner);
        }
    }

    private void init(Joiner joiner) {
        Participant p = joiner.participant();
        List<RoomUser> others = new ArrayList<>(participants.values());
        others.addAll(remoteUsers.values());
        p.send(context.messages().init(p, committedText.toString(), language, committedRevision, others));
        participants.put(p.clientId(), p);
        if (joiner.announce()) {
            broadcast(context.messages().userJoined(p, activeUsers()), p);
            announce(p);
            context.presenceChanged(id, activeUsers());
        }
    }

    private int mapThroughCommitted(int position, long fromRevision) {
        int mapped = position;
        for (SequencedOp later : recent.between(fromRevision, committedRevision)) {
            mapped = later.op().transformPosition(mapped);
        }
        return mapped;
    }

    private int lengthAt(long atRevision) {
        if (atRevision == committedRevision) {
            return committedText.length();
        }
        return recent.at(atRevision + 1).map(next -> next.op().baseLength()).orElse(-1);
    }

    /** Sends to a copy of the list: a send may drop a slow client, which leaves the room meanwhile. */
    private void broadcast(String message, Participant except) {
        for (Participant p : List.copyOf(participants.values())) {
            if (p != except) {
                p.send(message);
            }
        }
    }

    private Collection<Participant> everyone() {
        List<Participant> all = new ArrayList<>(participants.values());
        waitingForInit.values().forEach(list -> list.forEach(j -> all.add(j.participant())));
        return all;
    }

    private static int nextCheckpointSpread() {
        return ThreadLocalRandom.current().nextInt(MIN_CHECKPOINT_INTERVAL);
    }

    private void trimRecent() {
        recent.trim(RECENT_OPS, committedRevision);
    }

    private void retireIfIdle() {
        if (state == State.OPEN && connectionCount() == 0 && revision == committedRevision && held.isEmpty()
                && waitingForCommit.isEmpty()) {
            state = State.RETIRED;
            context.opLog().snapshot(id, committedRevision, committedText);
            context.retired(this);
        }
    }

    private void failWaiters(Exception cause) {
        waitingForCommit.values().forEach(f -> f.completeExceptionally(cause));
        waitingForCommit.clear();
        waitingForAck.clear();
    }
}
