import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RoomSync } from '../src/sync.js';
import { TextOperation } from '../src/text-operation.js';
import { SimServer, SimConn } from '../testkit/sim-server.mjs';
import { rng, randomOp } from '../testkit/random.mjs';

const settle = () => new Promise((resolve) => setImmediate(resolve));

/** A page: its local text, its RoomSync, and its connection in the simulation. */
class SimPage {
  constructor(name, server, world) {
    this.name = name;
    this.server = server;
    this.world = world;
    this.text = null;
    this.conn = null;
    this.cursors = new Map();
    this.timers = [];
    this.reconnectRequests = 0;
    this.sync = new RoomSync({
      idPrefix: `${name}-prefix`,
      fetchHistory: async (since, limit) => {
        await settle();
        if (world.historyFails && world.r() < 0.3) throw new Error('network');
        return server.history(since, limit);
      },
      reset: (code) => { this.text = code; },
      applyRemote: (op) => { this.text = op.apply(this.text); },
      onCursor: (id, anchor, head) => { this.cursors.set(id, { anchor, head }); },
      requestReconnect: () => { this.reconnectRequests++; this.disconnect(); },
      setTimeout: (f) => { const t = { f }; this.timers.push(t); return t; },
      clearTimeout: (t) => { this.timers = this.timers.filter((x) => x !== t); },
    });
  }

  connect() {
    const conn = new SimConn();
    this.conn = conn;
    this.server.connect(conn);
    this.sync.attach((m) => { if (conn.open) conn.toServer.push(JSON.parse(JSON.stringify(m))); });
  }

  disconnect() {
    if (!this.conn) return;
    this.conn.open = false;
    this.server.disconnect(this.conn);
    this.conn = null;
    this.sync.detach();
  }

  edit(r, makeOp = randomOp) {
    if (!this.sync.ready) return;
    const op = makeOp(r, this.text);
    if (op.isNoop()) return;
    this.text = op.apply(this.text);
    this.sync.localChange(op);
  }

  fireTimers() {
    const due = this.timers;
    this.timers = [];
    for (const t of due) t.f();
  }
}

function deliverOne(r, pages, server) {
  const queues = [];
  for (const p of pages) {
    if (!p.conn) continue;
    if (p.conn.toServer.length) queues.push(() => server.receive(p.conn, p.conn.toServer.shift()));
    if (p.conn.toClient.length) queues.push(() => p.sync.receive(p.conn.toClient.shift()));
  }
  if (queues.length === 0) return false;
  r.pick(queues)();
  return true;
}

async function quiesce(r, pages, server) {
  for (let round = 0; round < 10000; round++) {
    for (const p of pages) if (!p.conn) p.connect();
    while (deliverOne(r, pages, server)) { /* drain */ }
    await settle();
    for (const p of pages) p.fireTimers();
    await settle();
    const busy = pages.some((p) => p.conn && (p.conn.toServer.length || p.conn.toClient.length))
      || pages.some((p) => p.timers.length || p.sync.syncing || !p.sync.ready || !p.sync.client.isSynchronized);
    if (!busy) return;
  }
  throw new Error('the simulation did not settle');
}

async function simulate(seed, { pages: n = 3, steps = 600, disconnects = true, makeOp = randomOp, historyFails = false } = {}) {
  const r = rng(seed);
  const server = new SimServer('hello world\n');
  const world = { r, historyFails };
  const pages = Array.from({ length: n }, (_, i) => new SimPage(`p${i}`, server, world));
  for (const p of pages) p.connect();
  for (let step = 0; step < steps; step++) {
    const roll = r();
    const page = r.pick(pages);
    if (roll < 0.3) {
      page.edit(r, makeOp);
    } else if (roll < 0.85) {
      deliverOne(r, pages, server);
    } else if (roll < 0.9) {
      if (disconnects && page.conn) page.disconnect();
      else if (!page.conn) page.connect();
    } else if (roll < 0.95) {
      if (!page.conn) page.connect();
    } else {
      page.fireTimers();
    }
    if (step % 7 === 0) await settle();
  }
  await quiesce(r, pages, server);
  return { server, pages };
}

for (const seed of [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]) {
  test(`random edits, deliveries and disconnects converge (seed ${seed})`, async () => {
    const { server, pages } = await simulate(seed, { disconnects: seed % 3 !== 0, historyFails: seed % 4 === 0 });
    for (const p of pages) {
      assert.equal(p.text, server.text, `${p.name} matches the server`);
      assert.equal(p.sync.revision, server.revision, `${p.name} is at the server's revision`);
    }
    assert.ok(server.revision > 20, `enough operations were applied (${server.revision})`);
  });
}

/** Inserts a unique token at a token boundary, so every edit can be counted afterwards. */
function tokenInserter() {
  let n = 0;
  return (r, text) => {
    const boundaries = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '>') boundaries.push(i + 1);
    const at = r.pick(boundaries);
    return new TextOperation().retain(at).insert(`<${n++}:${r.int(1e9)}>`).retain(text.length - at);
  };
}

for (const seed of [21, 22, 23, 24, 25, 26]) {
  test(`nothing typed is lost or doubled across disconnects (seed ${seed})`, async () => {
    const inserters = new Map();
    const typed = [];
    const makeOp = (r, text) => {
      const op = tokenInserter()(r, text);
      typed.push(op.ops.find((p) => typeof p === 'string'));
      return op;
    };
    void inserters;
    const r = rng(seed);
    const server = new SimServer('');
    const world = { r, historyFails: seed % 2 === 0 };
    const pages = [new SimPage('a', server, world), new SimPage('b', server, world), new SimPage('c', server, world)];
    for (const p of pages) p.connect();
    for (let step = 0; step < 800; step++) {
      const roll = r();
      const page = r.pick(pages);
      if (roll < 0.3) page.edit(r, makeOp);
      else if (roll < 0.82) deliverOne(r, pages, server);
      else if (roll < 0.9) page.disconnect();
      else if (roll < 0.97) { if (!page.conn) page.connect(); }
      else page.fireTimers();
      if (step % 5 === 0) await settle();
    }
    await quiesce(r, pages, server);
    for (const token of typed) {
      const count = server.text.split(token).length - 1;
      assert.equal(count, 1, `${token} appears once`);
    }
    assert.equal(server.text.length, typed.reduce((s, t) => s + t.length, 0));
    for (const p of pages) assert.equal(p.text, server.text);
    assert.ok(server.duplicates > 0 || seed === 0, 'some resends were duplicates (the ack had been lost)');
  });
}

test('a resent operation that the server already applied is acked, not applied twice', async () => {
  const server = new SimServer('abc');
  const world = { r: rng(1) };
  const a = new SimPage('a', server, world);
  const b = new SimPage('b', server, world);
  a.connect();
  b.connect();
  a.sync.receive(a.conn.toClient.shift());
  b.sync.receive(b.conn.toClient.shift());
  // a types; the server applies it, but the ack is lost with the connection.
  a.text = 'abcX';
  a.sync.localChange(TextOperation.fromJSON([3, 'X']));
  server.receive(a.conn, a.conn.toServer.shift());
  assert.equal(server.text, 'abcX');
  a.disconnect();
  // a types more while offline.
  a.text = 'YabcX';
  a.sync.localChange(TextOperation.fromJSON(['Y', 4]));
  assert.equal(a.sync.unsentEdits, 2);
  // b types after a's first edit.
  b.sync.receive(b.conn.toClient.shift()); // a's op
  b.text = 'abcXZ';
  b.sync.localChange(TextOperation.fromJSON([4, 'Z']));
  server.receive(b.conn, b.conn.toServer.shift());
  b.sync.receive(b.conn.toClient.shift());
  assert.equal(server.text, 'abcXZ');
  // a reconnects: init at revision 2, the resend is acked with revision 1.
  a.connect();
  a.sync.receive(a.conn.toClient.shift());
  assert.ok(a.sync.syncing);
  const resend = a.conn.toServer.shift();
  assert.deepEqual(resend, { type: 'op', revision: 0, id: 'a-prefix:1', op: [3, 'X'] });
  server.receive(a.conn, resend);
  assert.equal(server.duplicates, 1);
  a.sync.receive(a.conn.toClient.shift()); // the duplicate's ack
  await settle();
  await settle();
  assert.ok(!a.sync.syncing);
  assert.equal(a.text, 'YabcXZ');
  // The buffer went out next, based on the duplicate's revision.
  const next = a.conn.toServer.shift();
  assert.equal(next.id, 'a-prefix:2');
  assert.equal(next.revision, 1);
  server.receive(a.conn, next);
  a.sync.receive(a.conn.toClient.shift());
  b.sync.receive(b.conn.toClient.shift());
  assert.equal(server.text, 'YabcXZ');
  assert.equal(b.text, 'YabcXZ');
  assert.equal(a.sync.unsentEdits, 0);
  assert.equal(a.sync.revision, 3);
});

test('a resent operation the server never got is applied after what was missed', async () => {
  const server = new SimServer('abc');
  const world = { r: rng(1) };
  const a = new SimPage('a', server, world);
  const b = new SimPage('b', server, world);
  a.connect();
  b.connect();
  a.sync.receive(a.conn.toClient.shift());
  b.sync.receive(b.conn.toClient.shift());
  a.text = 'Xabc';
  a.sync.localChange(TextOperation.fromJSON(['X', 3]));
  a.disconnect(); // the op is lost in flight
  b.text = 'abcZ';
  b.sync.localChange(TextOperation.fromJSON([3, 'Z']));
  server.receive(b.conn, b.conn.toServer.shift());
  a.connect();
  a.sync.receive(a.conn.toClient.shift());
  server.receive(a.conn, a.conn.toServer.shift());
  a.sync.receive(a.conn.toClient.shift());
  await settle();
  await settle();
  assert.equal(server.duplicates, 0);
  assert.equal(server.text, 'XabcZ');
  assert.equal(a.text, 'XabcZ');
  assert.equal(a.sync.revision, 2);
  assert.ok(a.sync.client.isSynchronized);
});

test('remote cursors are mapped through unacknowledged local edits', () => {
  const server = new SimServer('hello');
  const a = new SimPage('a', server, { r: rng(1) });
  a.connect();
  a.sync.receive(a.conn.toClient.shift());
  a.text = '>>hello';
  a.sync.localChange(TextOperation.fromJSON(['>>', 5]));
  a.sync.receive({ type: 'cursor', clientId: 'zz', anchor: 1, head: 4 });
  assert.deepEqual(a.cursors.get('zz'), { anchor: 3, head: 6 });
  assert.equal(a.sync.canSendCursor, false, 'no cursor while an op is unacknowledged');
});

test('an operation out of order asks for a reconnect rather than diverging', () => {
  const server = new SimServer('hello');
  const a = new SimPage('a', server, { r: rng(1) });
  a.connect();
  a.sync.receive(a.conn.toClient.shift());
  a.sync.receive({ type: 'op', revision: 5, op: [5, '!'], clientId: 'x' });
  assert.equal(a.reconnectRequests, 1);
  assert.equal(a.text, 'hello');
});

test('invalid_op: the next init starts over from the server text', () => {
  const server = new SimServer('hello');
  const a = new SimPage('a', server, { r: rng(1) });
  a.connect();
  a.sync.receive(a.conn.toClient.shift());
  a.text = 'hello!';
  a.sync.localChange(TextOperation.fromJSON([5, '!']));
  a.sync.receive({ type: 'error', error: 'invalid_op', message: 'no' });
  a.sync.receive({ type: 'init', clientId: 'c9', code: 'other', revision: 4, language: 'python', users: [] });
  assert.equal(a.text, 'other');
  assert.equal(a.sync.unsentEdits, 0);
  assert.equal(a.sync.revision, 4);
});

test('a refused operation (rate limited) is sent again with the same id', () => {
  const server = new SimServer('hello');
  const a = new SimPage('a', server, { r: rng(1) });
  a.connect();
  a.sync.receive(a.conn.toClient.shift());
  a.text = 'hello!';
  a.sync.localChange(TextOperation.fromJSON([5, '!']));
  const first = a.conn.toServer.shift();
  a.sync.receive({ type: 'error', error: 'rate_limited', message: 'slow down' });
  assert.equal(a.timers.length, 1);
  a.fireTimers();
  assert.deepEqual(a.conn.toServer.shift(), first);
});
