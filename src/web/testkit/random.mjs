// Shared helpers of the page's unit tests: a seeded random source and
// random texts and operations.

import { TextOperation } from '../src/text-operation.js';

/** A small seeded generator (mulberry32), so failures can be replayed. */
export function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  next.int = (n) => Math.floor(next() * n);
  next.pick = (list) => list[next.int(list.length)];
  return next;
}

// Includes a surrogate pair: positions count UTF-16 units, so a random op
// may split one, as the protocol allows.
const ALPHABET = ['a', 'b', 'c', ' ', '\n', 'é', '😀', 'x', 'y', '\r\n'];

export function randomString(r, max = 6) {
  let s = '';
  const n = 1 + r.int(max);
  for (let i = 0; i < n; i++) s += r.pick(ALPHABET);
  return s;
}

/** A random operation applying to `text`. */
export function randomOp(r, text) {
  const op = new TextOperation();
  let left = text.length;
  for (;;) {
    const roll = r();
    if (left === 0 && roll < 0.5) break;
    if (roll < 0.2) {
      op.insert(randomString(r));
    } else if (left > 0 && roll < 0.5) {
      const n = 1 + r.int(Math.min(left, 5));
      op.delete(n);
      left -= n;
    } else if (left > 0) {
      const n = 1 + r.int(Math.min(left, 8));
      op.retain(n);
      left -= n;
    } else if (roll < 0.7) {
      op.insert(randomString(r));
    } else {
      break;
    }
  }
  op.retain(left);
  return op;
}
