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
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

/**
 * The authority over an open room on this instance. It sequences ops (transform against what came after the
 * op's base, apply, number), hands them to the op log, and only once the log has committed them acks the
 * author and sends them to the others. All state is guarded by this object's lock; rooms run in parallel.
 *
 * <p>Two revisions are tracked: {@code revision}, the last op sequenced, and {@code committedRevision}, the
 * last op the database holds. Clients only ever see committed revisions.
 *
 * <p>With several instances, the op log's primary key is the sequencer: when another instance stored a
 * revision first, this room reads the ops it missed, hands them to its clients, transforms its own pending
 * ops over them and sequences them again. Ops committed elsewhere also arrive over the bus.
 */
public final class LiveRoom implements CommitListener {
    /**
     * Ops kept in memory to transform late ops against; older ones are read from the log. Clients lag a few
     * revisions, so a short window serves nearly every op, and ops die young, sparing the GC from copying them.
     */
    private static final int RECENT_OPS = 128;
    private static final int MIN_CHECKPOINT_INTERVAL = 100;
    private static final int CHARS_PER_CHECKPOINT_OP = 1_000;
    /** How often one op may lose the race for a revision before its author is told to start over. */
    private static final int MAX_RACES_LOST = 50;

    private final UUID id;
    private final RoomContext context;

    private Rope text;
    private long revision;
    private Rope committedText;
    private long committedRevision;
    /** The newest revision another instance is known to have committed. */
    private long knownRemoteRevision;
    private long lastCheckpoint;
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
    private State state = State.OPEN;

    private enum State { OPEN, RETIRED, BROKEN, DELETED }

    private record Joiner(Participant participant, boolean announce) {
    }

    private record Submitted(long baseRevision, TextOperation op) {
    }

    LiveRoom(UUID id, RoomHistory.Current current, RoomContext context) {
        this.id = id;
        this.context = context;
        this.text = current.text();
        this.committedText = current.text();
        this.revision = current.revision();
        this.committedRevision = current.revision();
        this.knownRemoteRevision = current.revision();
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
        if (baseRevision < 0 || baseRevision > committedRevision) {
            reject(author, "invalid_op", "Revision " + baseRevision + " is not one this room has sent (latest "
                    + committedRevision + ")");
            return;
        }
        try {
            sequence(baseRevision, op, opId, author.clientId(), author.name());
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
        TextOperation op = context.diff(committedText.toString(), newText);
        if (op.isNoop() && revision == committedRevision) {
            committed.complete(revision);
            retireIfIdle();
            return committed;
        }
        String opId = "server:" + UUID.randomUUID();
        try {
            sequence(committedRevision, op, opId, null, null);
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
            case SYNC -> participants.values().forEach(this::announce);
            case DELETED -> delete();
        }
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

    /** Reads what other instances committed meanwhile, when nothing of this room's own is pending. */
    synchronized void catchUp() {
        if (state == State.OPEN && revision == committedRevision) {
            for (StoredOp stored : context.history().opsBetween(id, committedRevision, Long.MAX_VALUE)) {
                deliverForeign(stored.revision(), context.history().parse(stored), stored.op(), stored.opId(),
                        stored.clientId(), stored.name());
            }
            text = committedText;
            revision = committedRevision;
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
        if (knownRemoteRevision > committedRevision) {
            catchUp();
        }
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
        context.retired(this);
    }

    @Override
    public synchronized void lostRace(List<PendingOp> ops) {
        if (state != State.OPEN || !accepts(ops.get(0))) {
            return;
        }
        epoch++;
        List<SequencedOp> own = recent.removeAfter(committedRevision);
        for (StoredOp stored : context.history().opsBetween(id, committedRevision, Long.MAX_VALUE)) {
            deliverForeign(stored.revision(), context.history().parse(stored), stored.op(), stored.opId(),
                    stored.clientId(), stored.name());
        }
        text = committedText;
        revision = committedRevision;
        List<Joiner> joiners = new ArrayList<>();
        waitingForInit.values().forEach(joiners::addAll);
        waitingForInit.clear();
        own.forEach(this::resequence);
        joiners.forEach(this::initWhenCommitted);
        retireIfIdle();
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
                >= Math.max(MIN_CHECKPOINT_INTERVAL, after.length() / CHARS_PER_CHECKPOINT_OP);
        if (checkpoint) {
            lastCheckpoint = revision;
        }
        String json = context.opJson(op);
        context.opLog().append(new PendingOp(id, revision, opId, op, json, clientId, name, after, checkpoint, epoch),
                this);
    }

    /**
     * Sequences again an op that was not stored, transformed afresh over the new order; unless the log holds
     * its id already, which makes it a resend: then it is acked with the first revision, as any resend is.
     */
    private void resequence(SequencedOp lost) {
        int losses = racesLost.merge(lost.opId(), 1, Integer::sum);
        Submitted submitted = uncommitted.remove(lost.opId());
        Participant author = lost.clientId() == null ? null : participants.get(lost.clientId());
        Optional<Long> original = context.history().revisionOf(id, lost.opId());
        if (original.isPresent()) {
            racesLost.remove(lost.opId());
            if (author != null) {
                ackWhenCommitted(author, original.get(), lost.opId());
            }
            return;
        }
        try {
            if (losses > MAX_RACES_LOST) {
                throw new InvalidOperationException("The room is too busy to take this op; resend it");
            }
            sequence(submitted.baseRevision(), submitted.op(), lost.opId(), lost.clientId(), lost.name());
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

    /** An op another instance committed, in revision order after everything committed here. */
    private void deliverForeign(long opRevision, TextOperation op, String opJson, String opId, String authorId,
            String name) {
        recent.add(new SequencedOp(opRevision, opId, op, authorId, name));
        deliver(opRevision, op, opJson, opId, authorId, op.apply(committedText));
    }

    private void remoteOp(RoomEvent event) {
        long opRevision = event.revision();
        if (opRevision <= committedRevision) {
            return;
        }
        knownRemoteRevision = Math.max(knownRemoteRevision, opRevision);
        if (revision != committedRevision) {
            return; // this room's own pending op will lose the race for that revision and catch up then
        }
        if (opRevision == committedRevision + 1) {
            TextOperation op = TextOperation.fromJson(context.readJson(event.op()));
            deliverForeign(opRevision, op, event.op(), event.opId(), event.clientId(), event.name());
            text = committedText;
            revision = committedRevision;
            trimRecent();
        } else {
            catchUp();
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

    private void trimRecent() {
        recent.trim(RECENT_OPS, committedRevision);
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
