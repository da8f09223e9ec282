// A simulated pairpad server and network for the page's unit tests.
//
// The server follows PROTOCOL.md: it transforms an incoming operation
// against every operation sequenced after its base revision, acks a
// duplicate id with its original revision without applying it again,
// answers an invalid operation with an error and a fresh init, and serves
// the history API. The network holds each direction of each connection in
// a FIFO queue; the test decides which message moves next, and a
// disconnect loses whatever is still in flight.

import { TextOperation, transformPosition } from '../src/text-operation.js';

export class SimServer {
  constructor(text = '') {
    this.text = text;
    this.log = []; // log[i] is revision i + 1: {revision, op, clientId, id}
    this.ids = new Map(); // op id -> revision
    this.conns = new Set();
    this.nextClient = 1;
    this.applied = 0;
    this.duplicates = 0;
  }

  get revision() { return this.log.length; }

  connect(conn) {
    conn.clientId = `c${this.nextClient++}`;
    this.conns.add(conn);
    conn.toClient.push({
      type: 'init', clientId: conn.clientId, code: this.text, revision: this.revision,
      language: 'python', users: [],
    });
  }

  disconnect(conn) {
    this.conns.delete(conn);
  }

  receive(conn, msg) {
    if (msg.type === 'op') this.receiveOp(conn, msg);
    else if (msg.type === 'cursor') this.receiveCursor(conn, msg);
  }

  receiveOp(conn, msg) {
    if (this.ids.has(msg.id)) {
      this.duplicates++;
      conn.toClient.push({ type: 'ack', revision: this.ids.get(msg.id), id: msg.id });
      return;
    }
    let op;
    try {
      op = TextOperation.fromJSON(msg.op);
      if (!Number.isInteger(msg.revision) || msg.revision < 0 || msg.revision > this.revision) {
        throw new Error('bad revision');
      }
      for (const entry of this.log.slice(msg.revision)) {
        op = TextOperation.transform(op, entry.op)[0];
      }
      if (op.baseLength !== this.text.length) throw new Error('wrong length');
    } catch (err) {
      conn.toClient.push({ type: 'error', error: 'invalid_op', message: String(err.message) });
      conn.toClient.push({
        type: 'init', clientId: conn.clientId, code: this.text, revision: this.revision,
        language: 'python', users: [],
      });
      return;
    }
    this.text = op.apply(this.text);
    const revision = this.revision + 1;
    this.log.push({ revision, op, clientId: conn.clientId, id: msg.id, name: 'x', at: '' });
    this.ids.set(msg.id, revision);
    this.applied++;
    for (const other of this.conns) {
      if (other === conn) other.toClient.push({ type: 'ack', revision, id: msg.id });
      else other.toClient.push({ type: 'op', revision, op: op.toJSON(), clientId: conn.clientId });
    }
  }

  receiveCursor(conn, msg) {
    let { anchor, head } = msg;
    for (const entry of this.log.slice(msg.revision)) {
      anchor = transformPosition(anchor, entry.op);
      head = transformPosition(head, entry.op);
    }
    for (const other of this.conns) {
      if (other !== conn) other.toClient.push({ type: 'cursor', clientId: conn.clientId, anchor, head });
    }
  }

  /** GET /api/rooms/{id}/history?since=N&limit=M: the operations after revision N. */
  history(since, limit) {
    return this.log.slice(since, since + limit).map((e) => ({
      revision: e.revision, op: e.op.toJSON(), clientId: e.clientId, name: e.name, at: e.at,
    }));
  }
}

/** One WebSocket connection: a queue each way. */
export class SimConn {
  constructor() {
    this.toServer = [];
    this.toClient = [];
    this.open = true;
  }
}
