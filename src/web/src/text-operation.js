// TextOperation: the operation type of the wire protocol, with ot.js semantics.
//
// An operation is a list of parts walked from the start of a text:
//   n > 0   retain n characters
//   "s"     insert s
//   n < 0   delete -n characters
// Lengths and positions count UTF-16 code units, as JavaScript strings do.
// The builder methods keep the list normalised: no empty parts, no two
// adjacent parts of one kind, and an insert always before a delete that
// stands at the same place.

const isRetain = (part) => typeof part === 'number' && part > 0;
const isDelete = (part) => typeof part === 'number' && part < 0;
const isInsert = (part) => typeof part === 'string';

export class TextOperation {
  constructor() {
    this.ops = [];
    // Length of the text this operation applies to, and of its result.
    this.baseLength = 0;
    this.targetLength = 0;
  }

  retain(n) {
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 0) {
      throw new Error('retain expects a non-negative integer');
    }
    if (n === 0) return this;
    this.baseLength += n;
    this.targetLength += n;
    const last = this.ops.length - 1;
    if (isRetain(this.ops[last])) this.ops[last] += n;
    else this.ops.push(n);
    return this;
  }

  insert(str) {
    if (typeof str !== 'string') throw new Error('insert expects a string');
    if (str === '') return this;
    this.targetLength += str.length;
    const ops = this.ops;
    const last = ops.length - 1;
    if (isInsert(ops[last])) {
      ops[last] += str;
    } else if (isDelete(ops[last])) {
      // Keep inserts before deletes at the same place.
      if (isInsert(ops[last - 1])) ops[last - 1] += str;
      else {
        ops[last + 1] = ops[last];
        ops[last] = str;
      }
    } else {
      ops.push(str);
    }
    return this;
  }

  delete(n) {
    if (typeof n === 'string') n = n.length;
    if (typeof n !== 'number' || !Number.isInteger(n)) throw new Error('delete expects an integer');
    if (n === 0) return this;
    if (n > 0) n = -n;
    this.baseLength -= n;
    const last = this.ops.length - 1;
    if (isDelete(this.ops[last])) this.ops[last] += n;
    else this.ops.push(n);
    return this;
  }

  /** True when the operation leaves every text unchanged. */
  isNoop() {
    return this.ops.length === 0 || (this.ops.length === 1 && isRetain(this.ops[0]));
  }

  equals(other) {
    if (this.baseLength !== other.baseLength || this.targetLength !== other.targetLength) return false;
    if (this.ops.length !== other.ops.length) return false;
    return this.ops.every((part, i) => part === other.ops[i]);
  }

  toJSON() {
    return this.ops.slice();
  }

  static fromJSON(parts) {
    if (!Array.isArray(parts)) throw new Error('an operation is a JSON array');
    const op = new TextOperation();
    for (const part of parts) {
      if (isRetain(part)) op.retain(part);
      else if (isInsert(part)) op.insert(part);
      else if (isDelete(part) && Number.isInteger(part)) op.delete(part);
      else throw new Error('invalid operation part: ' + JSON.stringify(part));
    }
    return op;
  }

  apply(text) {
    if (text.length !== this.baseLength) {
      throw new Error(`operation applies to length ${this.baseLength}, text has ${text.length}`);
    }
    const out = [];
    let pos = 0;
    for (const part of this.ops) {
      if (isRetain(part)) {
        out.push(text.slice(pos, pos + part));
        pos += part;
      } else if (isInsert(part)) {
        out.push(part);
      } else {
        pos -= part;
      }
    }
    return out.join('');
  }

  /** The operation that undoes this one on the text it was applied to. */
  invert(text) {
    const inverse = new TextOperation();
    let pos = 0;
    for (const part of this.ops) {
      if (isRetain(part)) {
        inverse.retain(part);
        pos += part;
      } else if (isInsert(part)) {
        inverse.delete(part.length);
      } else {
        inverse.insert(text.slice(pos, pos - part));
        pos -= part;
      }
    }
    return inverse;
  }

  /** this then other, as one operation: apply(apply(s, a), b) == apply(s, a.compose(b)). */
  compose(other) {
    if (this.targetLength !== other.baseLength) {
      throw new Error('compose: the second operation must apply to the result of the first');
    }
    const result = new TextOperation();
    const ops1 = this.ops;
    const ops2 = other.ops;
    let i1 = 0;
    let i2 = 0;
    let op1 = ops1[i1++];
    let op2 = ops2[i2++];
    for (;;) {
      if (op1 === undefined && op2 === undefined) break;
      if (isDelete(op1)) {
        result.delete(op1);
        op1 = ops1[i1++];
        continue;
      }
      if (isInsert(op2)) {
        result.insert(op2);
        op2 = ops2[i2++];
        continue;
      }
      if (op1 === undefined || op2 === undefined) {
        throw new Error('compose: operations do not line up');
      }
      if (isRetain(op1) && isRetain(op2)) {
        if (op1 > op2) {
          result.retain(op2);
          op1 -= op2;
          op2 = ops2[i2++];
        } else if (op1 === op2) {
          result.retain(op1);
          op1 = ops1[i1++];
          op2 = ops2[i2++];
        } else {
          result.retain(op1);
          op2 -= op1;
          op1 = ops1[i1++];
        }
      } else if (isInsert(op1) && isDelete(op2)) {
        if (op1.length > -op2) {
          op1 = op1.slice(-op2);
          op2 = ops2[i2++];
        } else if (op1.length === -op2) {
          op1 = ops1[i1++];
          op2 = ops2[i2++];
        } else {
          op2 += op1.length;
          op1 = ops1[i1++];
        }
      } else if (isInsert(op1) && isRetain(op2)) {
        if (op1.length > op2) {
          result.insert(op1.slice(0, op2));
          op1 = op1.slice(op2);
          op2 = ops2[i2++];
        } else if (op1.length === op2) {
          result.insert(op1);
          op1 = ops1[i1++];
          op2 = ops2[i2++];
        } else {
          result.insert(op1);
          op2 -= op1.length;
          op1 = ops1[i1++];
        }
      } else {
        // op1 retains, op2 deletes
        if (op1 > -op2) {
          result.delete(op2);
          op1 += op2;
          op2 = ops2[i2++];
        } else if (op1 === -op2) {
          result.delete(op2);
          op1 = ops1[i1++];
          op2 = ops2[i2++];
        } else {
          result.delete(op1);
          op2 += op1;
          op1 = ops1[i1++];
        }
      }
    }
    return result;
  }

  /**
   * Transforms two operations made concurrently on one text.
   * Returns [a', b'] with apply(apply(s, a), b') == apply(apply(s, b), a').
   * When both insert at one place, a's text comes first.
   */
  static transform(a, b) {
    if (a.baseLength !== b.baseLength) {
      throw new Error('transform: both operations must apply to the same text');
    }
    const aPrime = new TextOperation();
    const bPrime = new TextOperation();
    const ops1 = a.ops;
    const ops2 = b.ops;
    let i1 = 0;
    let i2 = 0;
    let op1 = ops1[i1++];
    let op2 = ops2[i2++];
    for (;;) {
      if (op1 === undefined && op2 === undefined) break;
      if (isInsert(op1)) {
        aPrime.insert(op1);
        bPrime.retain(op1.length);
        op1 = ops1[i1++];
        continue;
      }
      if (isInsert(op2)) {
        aPrime.retain(op2.length);
        bPrime.insert(op2);
        op2 = ops2[i2++];
        continue;
      }
      if (op1 === undefined || op2 === undefined) {
        throw new Error('transform: operations do not line up');
      }
      let minl;
      if (isRetain(op1) && isRetain(op2)) {
        if (op1 > op2) {
          minl = op2;
          op1 -= op2;
          op2 = ops2[i2++];
        } else if (op1 === op2) {
          minl = op2;
          op1 = ops1[i1++];
          op2 = ops2[i2++];
        } else {
          minl = op1;
          op2 -= op1;
          op1 = ops1[i1++];
        }
        aPrime.retain(minl);
        bPrime.retain(minl);
      } else if (isDelete(op1) && isDelete(op2)) {
        // Both delete the same text: nothing left to do for either.
        if (-op1 > -op2) {
          op1 -= op2;
          op2 = ops2[i2++];
        } else if (op1 === op2) {
          op1 = ops1[i1++];
          op2 = ops2[i2++];
        } else {
          op2 -= op1;
          op1 = ops1[i1++];
        }
      } else if (isDelete(op1) && isRetain(op2)) {
        if (-op1 > op2) {
          minl = op2;
          op1 += op2;
          op2 = ops2[i2++];
        } else if (-op1 === op2) {
          minl = op2;
          op1 = ops1[i1++];
          op2 = ops2[i2++];
        } else {
          minl = -op1;
          op2 += op1;
          op1 = ops1[i1++];
        }
        aPrime.delete(minl);
      } else {
        // op1 retains, op2 deletes
        if (op1 > -op2) {
          minl = -op2;
          op1 += op2;
          op2 = ops2[i2++];
        } else if (op1 === -op2) {
          minl = op1;
          op1 = ops1[i1++];
          op2 = ops2[i2++];
        } else {
          minl = op1;
          op2 += op1;
          op1 = ops1[i1++];
        }
        bPrime.delete(minl);
      }
    }
    return [aPrime, bPrime];
  }
}

/**
 * Maps a position in the text before `op` to the text after it, as ot.js
 * maps selections: text inserted exactly at the position pushes it forward,
 * unless `stayBefore` is set; a position inside deleted text moves to where
 * the deletion happened.
 */
export function transformPosition(index, op, stayBefore = false) {
  let newIndex = index;
  let rest = index; // characters of the old text still to walk before the position
  for (const part of op.ops) {
    if (isRetain(part)) {
      rest -= part;
    } else if (isInsert(part)) {
      if (rest > 0 || (rest === 0 && !stayBefore)) newIndex += part.length;
    } else {
      newIndex -= Math.min(Math.max(rest, 0), -part);
      rest += part;
    }
    if (rest < 0) break;
  }
  return newIndex;
}

export { isRetain, isInsert, isDelete };
