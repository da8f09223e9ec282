import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoffDelay, Connection } from '../src/connection.js';

test('backoff grows exponentially, is capped, and is jittered within [ceiling/2, ceiling]', () => {
  for (let attempt = 0; attempt < 20; attempt++) {
    const ceiling = Math.min(15000, 400 * 2 ** attempt);
    assert.equal(backoffDelay(attempt, () => 0), Math.round(ceiling / 2));
    assert.equal(backoffDelay(attempt, () => 1), ceiling);
  }
  assert.ok(backoffDelay(1, () => 0) > backoffDelay(0, () => 1) - 1);
  const spread = new Set(Array.from({ length: 50 }, () => backoffDelay(5)));
  assert.ok(spread.size > 10, 'random jitter spreads reconnects');
});

class FakeSocket {
  static all = [];
  constructor(url) { this.url = url; this.readyState = 0; this.sent = []; FakeSocket.all.push(this); }
  send(data) { this.sent.push(JSON.parse(data)); }
  close(code = 1000) { this.readyState = 3; this.onclose?.({ code }); }
  open() { this.readyState = 1; this.onopen?.(); }
  message(m) { this.onmessage?.({ data: JSON.stringify(m) }); }
}

function fakeSync() {
  return {
    attached: 0, detached: 0, received: [],
    attach(send) { this.attached++; this.send = send; },
    detach() { this.detached++; },
    receive(m) { this.received.push(m); },
  };
}

test('a dropped socket is reconnected after a backoff, and the session is told', async () => {
  FakeSocket.all = [];
  const sync = fakeSync();
  const states = [];
  const c = new Connection({ url: () => 'ws://x/ws/r', sync, WebSocketImpl: FakeSocket, onChange: (x) => states.push(x.state) });
  c.start();
  FakeSocket.all[0].open();
  FakeSocket.all[0].message({ type: 'init', revision: 0 });
  assert.equal(c.state, 'connected');
  assert.equal(sync.attached, 1);
  FakeSocket.all[0].close(1006);
  assert.equal(sync.detached, 1);
  assert.equal(c.state, 'reconnecting');
  clearTimeout(c.timer);
  c.open(); // what the timer does
  assert.equal(FakeSocket.all.length, 2);
  c.stop();
});

test('a deleted room (4410) stops reconnecting', () => {
  FakeSocket.all = [];
  const sync = fakeSync();
  let final = null;
  const c = new Connection({ url: () => 'ws://x', sync, WebSocketImpl: FakeSocket, onFinal: (m) => { final = m; } });
  c.start();
  FakeSocket.all[0].open();
  FakeSocket.all[0].close(4410);
  assert.match(final, /deleted/);
  assert.equal(c.state, 'closed');
  assert.equal(c.timer === null || c.stopped, true);
});
