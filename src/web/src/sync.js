// The room's protocol session, independent of any socket or editor.
//
// RoomSync owns the OT client and speaks the WebSocket messages of the
// protocol. A connection hands it `attach(send)` when it opens, every
// message it receives through `receive(message)`, and `detach()` when it
// closes. The editor hands it the user's changes through `localChange(op)`,
// and gets the others' changes back through the `applyRemote` callback.
//
// Between connections the user keeps editing: changes pile up in the OT
// client (one in-flight operation plus a buffer) and go out after the next
// connect. A connect is followed by an `init` message with the room's text
// and revision. The first one starts the session. A later one, after a
// reconnect, is reconciled without losing or doubling anything:
//
//  1. the in-flight operation is resent unchanged (same id, same base
//     revision); the server answers with an `ack` carrying its revision,
//     either the original one (the operation had already been applied,
//     the `ack` was lost) or a new one (it is applied now);
//  2. the operations the page missed while away, from its revision up to
//     the init's, are fetched from the history API;
//  3. messages arriving meanwhile are held back;
//  4. when both are known, the missed operations are replayed in order:
//     the one at the acknowledged revision, if among them, is the page's
//     own and counts as the ack; the others are applied as remote ones.
//     Then the held-back messages are handled as usual.

import { OtClient } from './ot-client.js';
import { TextOperation } from './text-operation.js';

const HISTORY_PAGE = 500;

/** Errors after which the server drops the refused operation for good. */
const FATAL_OP_ERRORS = new Set(['too_large', 'validation_failed']);

export class RoomSync {
  /**
   * @param {object} hooks
   *   fetchHistory(since, limit) -> Promise<[{revision, op, clientId}]>
   *   getText() -> string            the local text (for checks)
   *   reset(code, revision)          replace the local text (start or restart)
   *   applyRemote(op, clientId)      apply another client's transformed op locally
   *   onInit(message)                the server's init (users, language, clientId)
   *   onCursor(clientId, anchor, head)   positions already mapped into the local text
   *   onUserJoined(user, activeUsers) / onUserLeft(clientId, activeUsers)
   *   onLanguage(language, clientId)
   *   onServerError(message)
   *   onStatus()                     connection or pending state changed
   *   requestReconnect(reason)       the session wants a new connection
   *   idPrefix                       prefix for operation ids (random when absent)
   *   setTimeout / clearTimeout      timers (for tests)
   */
  constructor(hooks) {
    this.hooks = hooks;
    this.client = null;
    this.send = null;
    this.clientId = null;
    this.catchUp = null; // the reconcile in progress after a reconnect
    this.resetOnInit = false;
    this.retryTimer = null;
    this.seqStart = 0;
    this.idPrefix = hooks.idPrefix;
    this.timers = {
      set: hooks.setTimeout || ((f, ms) => setTimeout(f, ms)),
      clear: hooks.clearTimeout || ((t) => clearTimeout(t)),
    };
  }

  // --- state for the UI ---

  get connected() { return this.send !== null; }
  get ready() { return this.client !== null; }
  get syncing() { return this.catchUp !== null; }
  get revision() { return this.client ? this.client.revision : -1; }
  get unsentEdits() { return this.client ? this.client.unsentEdits : 0; }
  /** May the page send its cursor now? Only with nothing unacknowledged. */
  get canSendCursor() {
    return this.connected && this.client !== null && this.catchUp === null && this.client.isSynchronized;
  }

  // --- connection events ---

  attach(send) {
    this.send = send;
    this.hooks.onStatus?.();
  }

  detach() {
    this.send = null;
    this.catchUp = null;
    this.cancelRetry();
    this.hooks.onStatus?.();
  }

  transmit(message) {
    if (this.send) this.send(message);
  }

  // --- editor events ---

  /** The user changed the text: `op` applies to the local text before the change. */
  localChange(op, edits = 1) {
    if (!this.client) throw new Error('no session yet');
    this.client.applyClient(op, edits);
    this.hooks.onStatus?.();
  }

  sendCursor(anchor, head) {
    if (!this.canSendCursor) return false;
    this.transmit({ type: 'cursor', anchor, head, revision: this.client.revision });
    return true;
  }

  sendLanguage(language) {
    this.transmit({ type: 'language', language });
  }

  // --- server messages ---

  receive(message) {
    if (message.type === 'init') {
      this.onInit(message);
      return;
    }
    if (this.catchUp && message.type !== 'error') {
      this.catchUp.held.push(message);
      this.maybeFinishCatchUp();
      return;
    }
    this.dispatch(message);
  }

  dispatch(message) {
    const h = this.hooks;
    switch (message.type) {
      case 'op':
        this.onRemoteOp(message);
        break;
      case 'ack':
        this.onAck(message);
        break;
      case 'cursor':
        if (this.client && message.clientId !== this.clientId) {
          h.onCursor?.(message.clientId,
            this.client.transformPosition(message.anchor),
            this.client.transformPosition(message.head));
        }
        break;
      case 'user_joined':
        h.onUserJoined?.(this.mapUser(message.user), message.activeUsers);
        break;
      case 'user_left':
        h.onUserLeft?.(message.clientId, message.activeUsers);
        break;
      case 'language':
        h.onLanguage?.(message.language, message.clientId);
        break;
      case 'error':
        this.onError(message);
        break;
      default:
        // Unknown messages are ignored: newer servers may send more.
        break;
    }
  }

  mapUser(user) {
    if (!user || !this.client) return user;
    const mapped = { ...user };
    if (Number.isInteger(user.anchor)) mapped.anchor = this.client.transformPosition(user.anchor);
    if (Number.isInteger(user.head)) mapped.head = this.client.transformPosition(user.head);
    return mapped;
  }

  onInit(message) {
    this.clientId = message.clientId;
    const fresh = this.client === null || this.resetOnInit || message.revision < this.client.revision;
    if (fresh) {
      this.start(message);
      return;
    }
    // A reconnect: reconcile what happened while away.
    const pending = this.client.outstanding;
    this.catchUp = {
      initRevision: message.revision,
      init: message,
      pendingId: pending ? pending.id : null,
      ackRevision: null,
      missed: message.revision > this.client.revision ? null : [],
      held: [],
    };
    this.client.resend();
    if (this.catchUp.missed === null) this.fetchMissed(this.catchUp);
    this.hooks.onStatus?.();
    this.maybeFinishCatchUp();
  }

  start(message) {
    this.resetOnInit = false;
    this.catchUp = null;
    this.cancelRetry();
    if (this.client) this.seqStart = this.client.seq;
    this.client = new OtClient(message.revision, {
      send: (m) => this.transmit(m),
      apply: (op) => this.hooks.applyRemote(op, this.currentAuthor),
      idPrefix: this.idPrefix,
      nextSeq: this.seqStart,
    });
    this.idPrefix = this.client.idPrefix;
    this.hooks.reset(message.code, message.revision);
    this.hooks.onInit?.({ ...message, users: message.users || [] });
    this.hooks.onStatus?.();
  }

  async fetchMissed(catchUp) {
    const from = this.client.revision;
    const to = catchUp.initRevision;
    const missed = [];
    let since = from;
    let attempt = 0;
    while (since < to) {
      if (this.catchUp !== catchUp) return; // superseded by a newer connection
      let page;
      try {
        page = await this.hooks.fetchHistory(since, Math.min(HISTORY_PAGE, to - since));
      } catch (err) {
        if (this.catchUp !== catchUp) return;
        if (err && err.status === 404) {
          this.hooks.onServerError?.({ error: 'room_not_found', message: 'The room is gone.' });
          return;
        }
        attempt++;
        await new Promise((resolve) => this.timers.set(resolve, Math.min(8000, 250 * 2 ** attempt)));
        continue;
      }
      const next = page.filter((e) => e.revision > since && e.revision <= to)
        .sort((a, b) => a.revision - b.revision);
      if (next.length === 0 || next[0].revision !== since + 1) {
        // The history must continue exactly where the page stands.
        attempt++;
        await new Promise((resolve) => this.timers.set(resolve, Math.min(8000, 250 * 2 ** attempt)));
        continue;
      }
      for (const entry of next) {
        if (entry.revision !== since + 1) break;
        missed.push(entry);
        since = entry.revision;
      }
    }
    if (this.catchUp !== catchUp) return;
    catchUp.missed = missed;
    this.maybeFinishCatchUp();
  }

  maybeFinishCatchUp() {
    const c = this.catchUp;
    if (!c || c.missed === null) return;
    if (c.pendingId !== null && c.ackRevision === null) {
      const ack = c.held.find((m) => m.type === 'ack' && m.id === c.pendingId);
      if (!ack) return;
      c.ackRevision = ack.revision;
    }
    this.catchUp = null;
    // Replay what was missed; the page's own operation counts as its ack.
    for (const entry of c.missed) {
      if (entry.revision === c.ackRevision) {
        this.client.serverAck();
      } else {
        this.currentAuthor = entry.clientId;
        this.client.applyServer(TextOperation.fromJSON(entry.op));
        this.currentAuthor = undefined;
      }
    }
    this.hooks.onInit?.({ ...c.init, users: (c.init.users || []).map((u) => this.mapUser(u)), reconnected: true });
    for (const message of c.held) {
      if (message.type === 'ack' && message.id === c.pendingId && message.revision <= c.initRevision) {
        continue; // the duplicate's ack, already counted above
      }
      this.dispatch(message);
      if (this.catchUp) return; // a dispatch may ask for a restart
    }
    this.hooks.onStatus?.();
  }

  onRemoteOp(message) {
    if (!this.client) return;
    if (message.revision !== this.client.revision + 1) {
      this.hooks.requestReconnect?.(`expected revision ${this.client.revision + 1}, got ${message.revision}`);
      return;
    }
    let op;
    try {
      op = TextOperation.fromJSON(message.op);
    } catch (err) {
      this.hooks.requestReconnect?.('malformed operation from the server');
      return;
    }
    this.currentAuthor = message.clientId;
    this.client.applyServer(op);
    this.currentAuthor = undefined;
    this.hooks.onStatus?.();
  }

  onAck(message) {
    const outstanding = this.client && this.client.outstanding;
    if (!outstanding || message.id !== outstanding.id) {
      return; // an ack repeated for an operation already acknowledged
    }
    if (message.revision !== this.client.revision + 1) {
      this.hooks.requestReconnect?.(`ack for revision ${message.revision} at ${this.client.revision}`);
      return;
    }
    this.cancelRetry();
    this.client.serverAck();
    this.hooks.onStatus?.();
  }

  onError(message) {
    this.hooks.onServerError?.(message);
    if (message.error === 'invalid_op') {
      // The server refused an operation and sends a fresh init: start over from it.
      this.resetOnInit = true;
      return;
    }
    const outstanding = this.client && this.client.outstanding;
    if (!outstanding) return;
    if (FATAL_OP_ERRORS.has(message.error)) {
      this.resetOnInit = true;
      this.hooks.requestReconnect?.(`operation refused: ${message.error}`);
      return;
    }
    // rate_limited, internal (for example the database is down) and the like:
    // the operation may not have been taken, so send it again later.
    this.scheduleResend(outstanding.id);
  }

  scheduleResend(id, delay = 1500) {
    if (this.retryTimer !== null) return;
    this.retryTimer = this.timers.set(() => {
      this.retryTimer = null;
      const outstanding = this.client && this.client.outstanding;
      if (outstanding && outstanding.id === id && this.send) this.client.resend();
    }, delay);
  }

  cancelRetry() {
    if (this.retryTimer !== null) {
      this.timers.clear(this.retryTimer);
      this.retryTimer = null;
    }
  }
}
