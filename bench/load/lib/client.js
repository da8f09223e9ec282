'use strict';
// One simulated editor: a real WebSocket (ws) driving ot.js's own client state machine
// (Synchronized / AwaitingConfirm / AwaitingWithBuffer): one op in flight, later edits composed
// into the buffer, incoming ops transformed against both.

const WebSocket = require('ws');
const ot = require('ot');
const { ChunkText } = require('./chunk-text');

const TextOperation = ot.TextOperation;
const now = () => performance.now();
const SYNCHRONIZED = new ot.Client(0).state;

/** Where index i of the text moves to when op is applied; an insert at i by someone else goes before it. */
function transformIndex(index, op) {
  let pos = 0; // position in the old text
  let shift = 0;
  for (const part of op.ops) {
    if (pos > index) break;
    if (typeof part === 'number' && part > 0) {
      pos += part;
    } else if (typeof part === 'string') {
      if (pos <= index) shift += part.length;
    } else {
      const n = -part;
      shift -= Math.min(n, index - pos);
      pos += n;
    }
  }
  return Math.max(0, index + shift);
}

class OtClient extends ot.Client {
  /**
   * @param room   the room's shared bookkeeping (see worker.js): latency is measured per room
   * @param index  this client's index in the room
   */
  constructor(room, index, opts) {
    super(0);
    this.room = room;
    this.index = index;
    this.opts = opts;
    this.text = new ChunkText('');
    this.cursor = 0;
    this.ready = false;
    this.closed = false;
    this.idPrefix = `${opts.idPrefix}-${room.n}-${index}-${Math.random().toString(36).slice(2, 8)}`;
    this.nextId = 0;
    this.unsent = []; // edit records typed since the last send
    this.inflight = null; // {edits, sentAt}
    this.stats = opts.stats;
  }

  connect(url) {
    return new Promise((resolve, reject) => {
      const ws = new WebSocket(url, { perMessageDeflate: !!this.opts.deflate, handshakeTimeout: 20000 });
      this.ws = ws;
      let settled = false;
      const fail = (err) => {
        if (!settled) {
          settled = true;
          reject(err);
        }
      };
      ws.on('message', (data) => {
        let msg;
        try {
          msg = JSON.parse(data.toString());
        } catch (e) {
          this.stats.error('bad_json');
          return;
        }
        if (msg.type === 'init') {
          this.onInit(msg);
          if (!settled) {
            settled = true;
            resolve(this);
          }
        } else {
          this.onMessage(msg);
        }
      });
      ws.on('error', (err) => {
        this.stats.error('socket_error');
        fail(err);
      });
      ws.on('close', (code) => {
        this.closed = true;
        if (!this.room.closing) this.stats.error(`closed_${code}`);
        fail(new Error(`closed ${code} before init`));
      });
    });
  }

  onInit(msg) {
    if (this.ready) {
      // A fresh init after an invalid_op: start over from it.
      this.stats.error('reinit');
    }
    this.text = new ChunkText(msg.code);
    this.revision = msg.revision;
    this.setState(SYNCHRONIZED);
    this.unsent = [];
    this.inflight = null;
    this.cursor = Math.floor(this.room.rand() * (this.text.length + 1));
    this.ready = true;
  }

  onMessage(msg) {
    switch (msg.type) {
      case 'ack': {
        const t = now();
        const inflight = this.inflight;
        this.inflight = null;
        if (!inflight) {
          this.stats.error('unexpected_ack');
          return;
        }
        this.stats.ackLatency(t - inflight.sentAt, inflight.measured);
        this.serverAck(); // may send the buffer at once (sendOperation)
        if (msg.revision !== this.revision) this.stats.error('ack_revision_mismatch');
        this.room.acked(msg.revision, inflight.edits, this);
        break;
      }
      case 'op': {
        const op = TextOperation.fromJSON(msg.op);
        this.applyServer(op);
        if (msg.revision !== this.revision) this.stats.error('op_revision_gap');
        this.room.applied(msg.revision, now(), this);
        break;
      }
      case 'error':
        this.stats.error(`error_${msg.error}`);
        break;
      default:
        break; // presence, cursors, language
    }
  }

  // ot.Client hooks -------------------------------------------------------------------------
  sendOperation(revision, operation) {
    const edits = this.unsent;
    this.unsent = [];
    const sentAt = now();
    this.inflight = { edits, sentAt, measured: this.room.inWindow(sentAt) };
    const id = `${this.idPrefix}:${this.nextId++}`;
    this.ws.send(`{"type":"op","revision":${revision},"id":"${id}","op":${JSON.stringify(operation.ops)}}`);
    this.stats.sent++;
  }

  applyOperation(operation) {
    this.text.apply(operation);
    this.cursor = Math.min(transformIndex(this.cursor, operation), this.text.length);
  }

  // typing ------------------------------------------------------------------------------------
  /** One keystroke: an insert of 1–3 characters at the cursor (85 %) or a backspace. */
  type() {
    if (!this.ready || this.closed) return;
    const rand = this.room.rand;
    const len = this.text.length;
    const c = Math.min(this.cursor, len);
    const op = new TextOperation();
    if (rand() < 0.85 || c === 0) {
      const n = 1 + Math.floor(rand() * 3);
      let s = '';
      for (let i = 0; i < n; i++) s += CHARS[Math.floor(rand() * CHARS.length)];
      op.retain(c).insert(s).retain(len - c);
      this.cursor = c + n;
    } else {
      op.retain(c - 1)['delete'](1).retain(len - c);
      this.cursor = c - 1;
    }
    const t = now();
    this.text.apply(op);
    this.unsent.push({ t, measured: this.room.inWindow(t) });
    this.stats.typed(t);
    this.applyClient(op);
  }

  get pending() {
    return this.inflight !== null || this.unsent.length > 0;
  }

  close() {
    if (this.ws && this.ws.readyState === WebSocket.OPEN) this.ws.close(1000);
  }
}

const CHARS = 'abcdefghijklmnopqrstuvwxyz      ();=.\n';

module.exports = { OtClient, transformIndex };
