'use strict';
// A text held as chunks of a few KB, so that applying a small op to a 1 MB document costs about the
// size of one chunk, not of the document (a plain string would be copied whole on every op, and the
// generator, not the server, would be measured).

const SIZE = 4096;

class ChunkText {
  constructor(str) {
    this.chunks = [];
    for (let i = 0; i < str.length; i += SIZE) this.chunks.push(str.slice(i, i + SIZE));
    if (this.chunks.length === 0) this.chunks.push('');
    this.length = str.length;
  }

  /** Applies an ot.js TextOperation (or its ops array); throws like ot.js when it does not fit. */
  apply(op) {
    const ops = op.ops || op;
    const edits = [];
    let pos = 0;
    let cur = null;
    for (const part of ops) {
      if (typeof part === 'number' && part > 0) {
        pos += part;
        cur = null;
      } else {
        if (!cur) {
          cur = { pos, del: 0, ins: '' };
          edits.push(cur);
        }
        if (typeof part === 'string') cur.ins += part;
        else {
          cur.del -= part;
          pos -= part;
        }
      }
    }
    if (pos !== this.length) {
      throw new Error(`The operation's base length ${pos} must be equal to the text's length ${this.length}.`);
    }
    for (let k = edits.length - 1; k >= 0; k--) this.splice(edits[k].pos, edits[k].del, edits[k].ins);
    return this;
  }

  splice(pos, del, ins) {
    const chunks = this.chunks;
    let i = 0;
    let off = pos;
    while (i < chunks.length - 1 && off > chunks[i].length) {
      off -= chunks[i].length;
      i++;
    }
    const left = chunks[i].slice(0, off);
    let tail = chunks[i].slice(off);
    let j = i;
    let rest = del;
    while (rest > tail.length) {
      rest -= tail.length;
      j++;
      if (j >= chunks.length) throw new Error('delete past the end of the text');
      tail = chunks[j];
    }
    const merged = left + ins + tail.slice(rest);
    const replacement = [];
    for (let s = 0; s < merged.length; s += SIZE) replacement.push(merged.slice(s, s + SIZE));
    chunks.splice(i, j - i + 1, ...replacement);
    if (chunks.length === 0) chunks.push('');
    this.length += ins.length - del;
  }

  toString() {
    return this.chunks.join('');
  }
}

module.exports = { ChunkText };
