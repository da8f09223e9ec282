// The client side of the OT protocol: the ot.js client state machine.
//
// At most one operation is in flight (sent, not yet acknowledged). What the
// user types meanwhile is composed into one buffered operation, sent when
// the in-flight one is acknowledged. Operations from others are transformed
// against the in-flight and buffered ones before they reach the editor.
//
// Each state is a class that answers every event, so no case is forgotten:
//   Synchronized        nothing unacknowledged
//   AwaitingConfirm     one operation in flight
//   AwaitingWithBuffer  one in flight, and local edits waiting behind it
//
// Every sent operation carries an id, unique for the room's whole life
// (a random prefix of this page plus a counter). The in-flight operation
// remembers the exact message it was sent as, so that after a reconnect it
// is resent unchanged: same id, same base revision, same parts. The server
// acknowledges a duplicate id with its original revision and never applies
// it twice, and transforms a stale one against everything after its base.

import { TextOperation, transformPosition } from './text-operation.js';

/** An operation in flight. */
export class PendingOp {
  constructor(id, baseRevision, sentOp, op, edits) {
    this.id = id;
    this.baseRevision = baseRevision; // the revision it was sent against
    this.sentOp = sentOp; // the operation as sent (for an exact resend)
    this.op = op; // the same change, transformed to apply at the client's revision
    this.edits = edits; // how many local edits it holds
  }

  message() {
    return { type: 'op', revision: this.baseRevision, id: this.id, op: this.sentOp.toJSON() };
  }

  withOp(op) {
    return new PendingOp(this.id, this.baseRevision, this.sentOp, op, this.edits);
  }
}

export class Synchronized {
  get name() { return 'synchronized'; }

  applyClient(client, op, edits) {
    return new AwaitingConfirm(client.sendNew(op, edits));
  }

  applyServer(client, op) {
    client.applyOperation(op);
    return this;
  }

  serverAck() {
    throw new Error('there is no operation waiting for an acknowledgement');
  }

  resend() {}

  get outstanding() { return null; }
  get buffer() { return null; }
  get unsentEdits() { return 0; }

  transformPosition(pos) { return pos; }
}

const synchronized = new Synchronized();

export class AwaitingConfirm {
  constructor(outstanding) {
    this.outstanding = outstanding;
  }

  get name() { return 'awaiting-confirm'; }

  applyClient(_client, op, edits) {
    return new AwaitingWithBuffer(this.outstanding, op, edits);
  }

  applyServer(client, op) {
    const [outstandingPrime, opPrime] = TextOperation.transform(this.outstanding.op, op);
    client.applyOperation(opPrime);
    return new AwaitingConfirm(this.outstanding.withOp(outstandingPrime));
  }

  serverAck() {
    return synchronized;
  }

  resend(client) {
    client.sendMessage(this.outstanding.message());
  }

  get buffer() { return null; }
  get unsentEdits() { return this.outstanding.edits; }

  /** Maps a position in the server's text (at the client's revision) into the local text. */
  transformPosition(pos) {
    return transformPosition(pos, this.outstanding.op);
  }
}

export class AwaitingWithBuffer {
  constructor(outstanding, buffer, bufferEdits) {
    this.outstanding = outstanding;
    this.buffer = buffer;
    this.bufferEdits = bufferEdits;
  }

  get name() { return 'awaiting-with-buffer'; }

  applyClient(_client, op, edits) {
    return new AwaitingWithBuffer(this.outstanding, this.buffer.compose(op), this.bufferEdits + edits);
  }

  applyServer(client, op) {
    const [outstandingPrime, op1] = TextOperation.transform(this.outstanding.op, op);
    const [bufferPrime, op2] = TextOperation.transform(this.buffer, op1);
    client.applyOperation(op2);
    return new AwaitingWithBuffer(this.outstanding.withOp(outstandingPrime), bufferPrime, this.bufferEdits);
  }

  serverAck(client) {
    return new AwaitingConfirm(client.sendNew(this.buffer, this.bufferEdits));
  }

  resend(client) {
    // Only the in-flight operation: the buffer follows once it is acknowledged.
    client.sendMessage(this.outstanding.message());
  }

  get unsentEdits() { return this.outstanding.edits + this.bufferEdits; }

  transformPosition(pos) {
    return transformPosition(transformPosition(pos, this.outstanding.op), this.buffer);
  }
}

/** A random id prefix, unique enough to tell this page's operations apart for a room's whole life. */
export function randomIdPrefix() {
  const bytes = new Uint8Array(9);
  globalThis.crypto.getRandomValues(bytes);
  let s = '';
  for (const b of bytes) s += b.toString(36).padStart(2, '0');
  return s;
}

export class OtClient {
  /**
   * @param {number} revision the server revision the local text is at
   * @param {object} io
   *   io.send(message)       sends a message to the server
   *   io.apply(op)           applies a (transformed) remote operation to the local text
   *   io.idPrefix            prefix of operation ids
   *   io.nextSeq             first sequence number (to continue after a restart)
   */
  constructor(revision, io) {
    this.revision = revision;
    this.state = synchronized;
    this.io = io;
    this.idPrefix = io.idPrefix || randomIdPrefix();
    this.seq = io.nextSeq || 0;
  }

  // --- events ---

  /** The user changed the local text. */
  applyClient(op, edits = 1) {
    if (op.isNoop()) return;
    this.state = this.state.applyClient(this, op, edits);
  }

  /** Another client's operation, the next revision of the room. */
  applyServer(op) {
    this.revision++;
    this.state = this.state.applyServer(this, op);
  }

  /** The in-flight operation became the next revision of the room. */
  serverAck() {
    this.revision++;
    this.state = this.state.serverAck(this);
  }

  /** A new connection: send the in-flight operation again, unchanged. */
  resend() {
    this.state.resend(this);
  }

  // --- queries ---

  get outstanding() { return this.state.outstanding; }
  get buffer() { return this.state.buffer; }
  get unsentEdits() { return this.state.unsentEdits; }
  get isSynchronized() { return this.state === synchronized; }

  /** Maps a position given in the server's text at this.revision into the local text. */
  transformPosition(pos) {
    return this.state.transformPosition(pos);
  }

  // --- called by the states ---

  sendNew(op, edits) {
    const id = `${this.idPrefix}:${++this.seq}`;
    const pending = new PendingOp(id, this.revision, op, op, edits);
    this.sendMessage(pending.message());
    return pending;
  }

  sendMessage(message) {
    this.io.send(message);
  }

  applyOperation(op) {
    this.io.apply(op);
  }
}
