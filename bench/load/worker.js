'use strict';
// A generator process: holds whole rooms (every client of a room lives here, so edit->all-peers latency
// is measured on one clock), types on schedule, and reports what it saw to the coordinator (run.js).

const crypto = require('crypto');
const { monitorEventLoopDelay } = require('perf_hooks');
const { OtClient } = require('./lib/client');

const now = () => performance.now();
/** Edits slower than this are counted per 100 ms of typing time: a stall shows as a window full of them. */
const SLOW_MS = 5;

function mulberry32(seed) {
  let a = seed >>> 0;
  return function () {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

class Stats {
  constructor() {
    this.reset();
    this.errors = {};
  }
  reset() {
    this.peer = [];
    this.slowByWindow = new Map(); // 100 ms window of the typing time -> edits over SLOW_MS to their last peer
    this.ack = [];
    this.lag = [];
    this.typedMeasured = 0;
    this.deliveredMeasured = 0;
    this.sent = 0;
    this.received = 0;
    this.windowStart = Infinity;
    this.windowEnd = -Infinity;
  }
  error(kind) {
    this.errors[kind] = (this.errors[kind] || 0) + 1;
  }
  inWindow(t) {
    return t >= this.windowStart && t < this.windowEnd;
  }
  typed(t) {
    if (this.inWindow(t)) this.typedMeasured++;
  }
  ackLatency(ms, measured) {
    if (measured) this.ack.push(ms);
  }
  peerLatency(ms, typedAt) {
    this.peer.push(ms);
    this.deliveredMeasured++;
    if (ms > SLOW_MS) {
      const w = Math.floor((typedAt - this.windowStart) / 100);
      this.slowByWindow.set(w, (this.slowByWindow.get(w) || 0) + 1);
    }
  }
}

const stats = new Stats();

/** The clients of one room and the revisions they have seen, to time each edit to its last peer. */
class Room {
  constructor(n, id, seed) {
    this.n = n;
    this.id = id;
    this.clients = [];
    this.revs = new Map(); // revision -> {edits, applied, last}
    this.rand = mulberry32(seed);
    this.closing = false;
  }
  inWindow(t) {
    return stats.inWindow(t);
  }
  entry(rev) {
    let e = this.revs.get(rev);
    if (!e) {
      e = { edits: null, applied: 0, last: 0 };
      this.revs.set(rev, e);
    }
    return e;
  }
  acked(rev, edits) {
    const e = this.entry(rev);
    e.edits = edits;
    this.settle(rev, e);
  }
  applied(rev, t) {
    const e = this.entry(rev);
    e.applied++;
    if (t > e.last) e.last = t;
    this.settle(rev, e);
  }
  settle(rev, e) {
    const peers = this.clients.length - 1;
    if (e.edits === null || e.applied < peers) return;
    if (peers > 0) {
      for (const edit of e.edits) {
        if (edit.measured) stats.peerLatency(e.last - edit.t, edit.t);
      }
    }
    this.revs.delete(rev);
  }
  /** Quiet: nothing in flight or buffered, and every client at the same revision. */
  quiet() {
    if (this.revs.size > 0) return false;
    const r = this.clients[0] ? this.clients[0].revision : 0;
    for (const c of this.clients) {
      if (c.pending || c.revision !== r) return false;
    }
    return true;
  }
}

let rooms = [];
let roomSeq = 0;
let opts = {};

async function connectAll(msg) {
  opts = msg;
  const added = msg.rooms.map((id) => new Room(roomSeq, id, (msg.seed || 1) * 100003 + roomSeq++));
  const jobs = [];
  for (const room of added) {
    for (let u = 0; u < msg.users; u++) jobs.push([room, u]);
  }
  let failed = 0;
  let next = 0;
  const t0 = now();
  const clientOpts = { idPrefix: msg.idPrefix, deflate: msg.deflate, stats };
  async function lane() {
    while (next < jobs.length) {
      const [room, u] = jobs[next++];
      const client = new OtClient(room, u, clientOpts);
      const q = msg.name ? `?name=${encodeURIComponent(`${msg.name}${room.n}-${u}`)}` : '';
      // User u of room n talks to instance (u + n) mod N, so that with N > 1 every room spans instances.
      const port = msg.ports[(u + room.n) % msg.ports.length];
      try {
        await client.connect(`ws://127.0.0.1:${port}/ws/${room.id}${q}`);
        room.clients.push(client);
      } catch (e) {
        failed++;
      }
    }
  }
  await Promise.all(Array.from({ length: msg.concurrency || 50 }, lane));
  rooms = rooms.concat(added);
  return { connected: jobs.length - failed, failed, ms: now() - t0 };
}

function percentile(sorted, p) {
  if (sorted.length === 0) return null;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

async function runLoad(msg) {
  // msg: {startEpoch, warmupMs, measureMs, rate}
  stats.reset();
  const start = msg.startEpoch - performance.timeOrigin;
  stats.windowStart = start + msg.warmupMs;
  stats.windowEnd = stats.windowStart + msg.measureMs;
  const period = 1000 / msg.rate;
  const stopAt = stats.windowEnd;
  const eld = monitorEventLoopDelay({ resolution: 5 });
  let cpuStart = null;
  let cpuEnd = null;

  let finishedTypists = 0;
  let typists = 0;
  await new Promise((resolveAll) => {
    for (const room of rooms) {
      for (const client of room.clients) {
        typists++;
        let due = start + room.rand() * period;
        const tick = () => {
          const t = now();
          if (t >= stopAt || client.closed) {
            finishedTypists++;
            if (finishedTypists === typists) resolveAll();
            return;
          }
          if (stats.inWindow(due)) stats.lag.push(t - due);
          client.type();
          due += period;
          // A late generator types late, never in bursts: skip the slots already missed.
          while (due < t) due += period;
          setTimeout(tick, Math.max(0, due - now()));
        };
        setTimeout(tick, Math.max(0, due - now()));
      }
    }
    if (typists === 0) resolveAll();
    setTimeout(() => {
      cpuStart = process.cpuUsage();
      eld.enable();
    }, Math.max(0, stats.windowStart - now()));
    setTimeout(() => {
      cpuEnd = process.cpuUsage(cpuStart);
      eld.disable();
    }, Math.max(0, stats.windowEnd - now()));
  });
  while (cpuEnd === null) await sleep(5);

  // Let every op in flight land everywhere.
  const quietBy = now() + (msg.settleMs || 20000);
  while (now() < quietBy && !rooms.every((r) => r.quiet())) await sleep(20);
  let undelivered = 0;
  for (const room of rooms) {
    for (const e of room.revs.values()) {
      if (e.edits) undelivered += e.edits.filter((x) => x.measured).length;
    }
    for (const c of room.clients) {
      undelivered += c.unsent.filter((x) => x.measured).length;
      if (c.inflight) undelivered += c.inflight.edits.filter((x) => x.measured).length;
    }
  }
  const measureS = msg.measureMs / 1000;
  stats.peer.sort((a, b) => a - b);
  stats.ack.sort((a, b) => a - b);
  stats.lag.sort((a, b) => a - b);
  return {
    peer: Array.from(stats.peer),
    slowByWindow: Object.fromEntries(stats.slowByWindow),
    ack: Array.from(stats.ack),
    lagP99: percentile(stats.lag, 99),
    lagMax: stats.lag.length ? stats.lag[stats.lag.length - 1] : null,
    typed: stats.typedMeasured,
    delivered: stats.deliveredMeasured,
    undelivered,
    sent: stats.sent,
    errors: { ...stats.errors },
    cpuPct: ((cpuEnd.user + cpuEnd.system) / 1000 / (msg.measureMs)) * 100,
    eldP99: eld.percentile(99) / 1e6,
    eldMax: eld.max / 1e6,
    quiet: rooms.every((r) => r.quiet()),
    measureS,
  };
}

function texts() {
  return rooms.map((room) => ({
    id: room.id,
    clients: room.clients.map((c) => ({
      revision: c.revision,
      length: c.text.length,
      sha1: crypto.createHash('sha1').update(c.text.toString()).digest('hex'),
      pending: c.pending,
    })),
  }));
}

function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

process.on('message', async (msg) => {
  try {
    let result;
    switch (msg.cmd) {
      case 'connect':
        result = await connectAll(msg);
        break;
      case 'run':
        result = await runLoad(msg);
        break;
      case 'texts':
        result = texts();
        break;
      case 'close':
        for (const room of rooms) {
          room.closing = true;
          room.clients.forEach((c) => c.close());
        }
        await sleep(300);
        result = { closed: true };
        break;
      default:
        throw new Error(`unknown command ${msg.cmd}`);
    }
    process.send({ seq: msg.seq, ok: true, result });
    if (msg.cmd === 'close') setTimeout(() => process.exit(0), 50);
  } catch (e) {
    process.send({ seq: msg.seq, ok: false, error: String(e && e.stack) });
  }
});
