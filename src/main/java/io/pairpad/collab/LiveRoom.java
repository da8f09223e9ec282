package io.pairpad.collab;

import io.pairpad.ot.InvalidOperationException;
import io.pairpad.ot.Rope;
import io.pairpad.ot.SurrogatePairs;
import io.pairpad.ot.TextOperation;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The one authority over an open room. It sequences ops (transform against what came after the op's base,
 * apply, number), hands them to the op log, and only once the log has committed them acks the author and
 * sends them to the others. All state is guarded by this object's lock; rooms run in parallel.
 *
 * <p>Two revisions are tracked: {@code revision}, the last op sequenced, and {@code committedRevision}, the
 * last op the database holds. Clients only ever see committed revisions.
 */
public final class LiveRoom implements CommitListener {
    /** Ops kept in memory to transform late ops against; older ones are read from the log. */
    private static final int RECENT_OPS = 2_000;
    private static final int MIN_CHECKPOINT_INTERVAL = 100;
    private static final int CHARS_PER_CHECKPOINT_OP = 1_000;

    private final UUID id;
    private final RoomContext context;

    private Rope text;
    private long revision;
    private Rope committedText;
    private long committedRevision;
    private long lastCheckpoint;
    private String language;
    /** Sequenced ops, oldest first, with revisions {@code recentFrom + 1 .. revision}. */
    private final ArrayDeque<Sequenced> recent = new ArrayDeque<>();
    private long recentFrom;
    /** Op ids of every op in {@link #recent}: enough to spot a resend whose original is in the window. */
    private final Map<String, Long> recentIds = new HashMap<>();
    private final Map<String, Participant> participants = new LinkedHashMap<>();
    /** Joiners waiting for the ops sequenced before they came to be committed, keyed by that revision. */
    private final Map<Long, List<Joiner>> waitingForInit = new HashMap<>();
    private final Map<Long, List<Participant>> waitingForAck = new HashMap<>();
    private final Map<Long, CompletableFuture<Long>> waitingForCommit = new HashMap<>();
    private State state = State.OPEN;

    private enum State { OPEN, RETIRED, BROKEN, DELETED }

    private record Sequenced(long revision, String opId, TextOperation op) {
    }

    private record Joiner(Participant participant, boolean announce) {
    }

    LiveRoom(UUID id, RoomHistory.Current current, RoomContext context) {
        this.id = id;
        this.context = context;
        this.text = current.text();
        this.committedText = current.text();
        this.revision = current.revision();
        this.committedRevision = current.revision();
        this.recentFrom = current.revision();
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
        List<Participant> present = new ArrayList<>(participants.values());
        waitingForInit.values().forEach(list -> list.forEach(j -> present.add(j.participant())));
        participant.color(Colors.pick(present));
        initWhenCommitted(new Joiner(participant, true));
        return true;
    }

    synchronized void leave(Participant participant) {
        boolean wasPresent = participants.remove(participant.clientId()) != null;
        waitingForInit.values().forEach(list -> list.removeIf(j -> j.participant() == participant));
        waitingForAck.values().forEach(list -> list.remove(participant));
        if (wasPresent) {
            broadcast(context.messages().userLeft(participant.clientId(), connectionCount()), null);
        }
        context.presenceChanged(id, connectionCount());
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
        if (baseRevision < 0 || baseRevision > committedRevision) {
            reject(author, "invalid_op", "Revision " + baseRevision + " is not one this room has sent (latest "
                    + committedRevision + ")");
            return;
        }
        try {
            TextOperation transformed = transformFrom(baseRevision, op);
            sequence(transformed, opId, author.clientId(), author.name());
        } catch (InvalidOperationException e) {
            reject(author, "invalid_op", e.getMessage());
        } catch (DocumentTooLargeException e) {
            reject(author, "too_large", e.getMessage());
        }
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
        TextOperation op = context.diff(text.toString(), newText);
        if (op.isNoop()) {
            committed.complete(revision);
            retireIfIdle();
            return committed;
        }
        try {
            sequence(op, "server:" + UUID.randomUUID(), null, null);
            waitingForCommit.put(revision, committed);
        } catch (DocumentTooLargeException e) {
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
        int a = anchor;
        int h = head;
        for (Sequenced s : recent) {
            if (s.revision() > atRevision && s.revision() <= committedRevision) {
                a = s.op().transformPosition(a);
                h = s.op().transformPosition(h);
            }
        }
        who.select(a, h);
        broadcast(context.messages().cursor(who), who);
    }

    synchronized void changeLanguage(String newLanguage, String byClientId) {
        language = newLanguage;
        broadcast(context.messages().language(newLanguage, byClientId), participants.get(byClientId));
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

    synchronized int connectionCount() {
        int waiting = waitingForInit.values().stream().mapToInt(List::size).sum();
        return participants.size() + waiting;
    }

    @Override
    public synchronized void committed(PendingOp op) {
        if (state == State.BROKEN || state == State.DELETED) {
            return;
        }
        committedRevision = op.revision();
        committedText = op.textAfter();
        List<Participant> present = List.copyOf(participants.values());
        for (Participant p : present) {
            p.select(op.op().transformPosition(p.anchor()), op.op().transformPosition(p.head()));
        }
        String opMessage = null;
        String fullMessage = null;
        for (Participant p : present) {
            if (p.clientId().equals(op.clientId())) {
                p.send(context.messages().ack(op.revision(), op.opId()));
            } else if (p.fullUpdates()) {
                if (fullMessage == null) {
                    fullMessage = context.messages().codeUpdate(committedText.toString(), op.revision(),
                            op.clientId());
                }
                p.send(fullMessage);
            } else {
                if (opMessage == null) {
                    opMessage = context.messages().op(op.revision(), op.opJson(), op.clientId());
                }
                p.send(opMessage);
            }
        }
        List<Participant> acks = waitingForAck.remove(op.revision());
        if (acks != null) {
            acks.forEach(p -> p.send(context.messages().ack(op.revision(), op.opId())));
        }
        CompletableFuture<Long> waiter = waitingForCommit.remove(op.revision());
        if (waiter != null) {
            waiter.complete(op.revision());
        }
        List<Joiner> joiners = waitingForInit.remove(op.revision());
        if (joiners != null) {
            joiners.forEach(this::init);
        }
        trimRecent();
        retireIfIdle();
    }

    @Override
    public synchronized void failed(List<PendingOp> ops, Exception cause) {
        if (state == State.DELETED || state == State.BROKEN) {
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
        context.retired(this);
    }

    @Override
    public synchronized boolean isBroken() {
        return state == State.BROKEN || state == State.DELETED;
    }

    private void sequence(TextOperation op, String opId, String clientId, String name) {
        if (SurrogatePairs.broken(op, text)) {
            throw new InvalidOperationException("The op would cut a character in two (a UTF-16 surrogate pair)");
        }
        Rope after = op.apply(text);
        if (after.length() > context.limits().maxDocChars() && after.length() > text.length()) {
            throw new DocumentTooLargeException("The document would be " + after.length()
                    + " characters; the limit is " + context.limits().maxDocChars());
        }
        text = after;
        revision++;
        recent.addLast(new Sequenced(revision, opId, op));
        recentIds.put(opId, revision);
        boolean checkpoint = revision - lastCheckpoint
                >= Math.max(MIN_CHECKPOINT_INTERVAL, after.length() / CHARS_PER_CHECKPOINT_OP);
        if (checkpoint) {
            lastCheckpoint = revision;
        }
        String json = context.opJson(op);
        context.opLog().append(new PendingOp(id, revision, opId, op, json, clientId, name, after), checkpoint, this);
    }

    private TextOperation transformFrom(long baseRevision, TextOperation op) {
        TextOperation result = op;
        if (baseRevision < recentFrom) {
            for (StoredOp stored : context.history().opsBetween(id, baseRevision, recentFrom)) {
                result = TextOperation.transform(result, context.history().parse(stored)).aPrime();
            }
        }
        for (Sequenced s : recent) {
            if (s.revision() > baseRevision) {
                result = TextOperation.transform(result, s.op()).aPrime();
            }
        }
        return result;
    }

    private Optional<Long> originalRevision(String opId, long baseRevision) {
        Long known = recentIds.get(opId);
        if (known != null) {
            return Optional.of(known);
        }
        // An op first sent before this window began can only have a base older than the window.
        if (baseRevision < recentFrom) {
            return context.history().revisionOf(id, opId);
        }
        return Optional.empty();
    }

    private void ackWhenCommitted(Participant author, long originalRevision, String opId) {
        if (originalRevision <= committedRevision) {
            author.send(context.messages().ack(originalRevision, opId));
        } else {
            waitingForAck.computeIfAbsent(originalRevision, r -> new ArrayList<>()).add(author);
        }
    }

    /** Refuses a client's op or text: it gets the error, then a fresh {@code init} to start over from. */
    synchronized void refuse(Participant author, String error, String message) {
        reject(author, error, message);
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
        p.send(context.messages().init(p, committedText.toString(), language, committedRevision,
                participants.values()));
        participants.put(p.clientId(), p);
        if (joiner.announce()) {
            broadcast(context.messages().userJoined(p, connectionCount()), p);
            context.presenceChanged(id, connectionCount());
        }
    }

    private int lengthAt(long atRevision) {
        if (atRevision == committedRevision) {
            return committedText.length();
        }
        for (Sequenced s : recent) {
            if (s.revision() == atRevision + 1) {
                return s.op().baseLength();
            }
        }
        return -1;
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

    private void trimRecent() {
        Iterator<Sequenced> it = recent.iterator();
        while (recent.size() > RECENT_OPS && it.hasNext()) {
            Sequenced oldest = it.next();
            if (oldest.revision() > committedRevision) {
                break;
            }
            it.remove();
            recentIds.remove(oldest.opId());
            recentFrom = oldest.revision();
        }
    }

    private void retireIfIdle() {
        if (state == State.OPEN && connectionCount() == 0 && revision == committedRevision
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
