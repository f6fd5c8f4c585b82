/**
 * Compact encodings for the built index: small unsigned integers as
 * variable-length runs of printable characters, and text kept in one-byte
 * (Latin-1) strings. Both load without parsing: the Worker slices them out of
 * one string and decodes only what it reads (docs/performance.md).
 */

/** Every encoded digit is one of these 64 characters: `0`…`o` (0x30…0x6f). */
const DIGIT_BASE = 0x30;
const MORE = 32;
const LOW = 31;

/**
 * Appends `n` (an integer 0 ≤ n < 2^30) to `out` as little-endian groups of
 * five bits, one character each; every character but the last has bit 5 set.
 */
export function pushVarint(out: string[], n: number): void {
  if (!(Number.isInteger(n) && n >= 0 && n < 0x40000000)) throw new Error(`citeqa index: cannot encode ${n}`);
  while (n >= MORE) {
    out.push(String.fromCharCode(DIGIT_BASE + MORE + (n & LOW)));
    n >>>= 5;
  }
  out.push(String.fromCharCode(DIGIT_BASE + n));
}

/** Encodes a list of integers with {@link pushVarint}. */
export function encodeVarints(values: Iterable<number>): string {
  const out: string[] = [];
  for (const v of values) pushVarint(out, v);
  return out.join('');
}

/** A cursor over an encoded string: `next()` returns the next integer. */
export class VarintReader {
  pos: number;
  constructor(
    readonly s: string,
    start = 0,
  ) {
    this.pos = start;
  }

  next(): number {
    const s = this.s;
    let c = s.charCodeAt(this.pos++) - DIGIT_BASE;
    let v = c & LOW;
    let shift = 5;
    while (c & MORE) {
      c = s.charCodeAt(this.pos++) - DIGIT_BASE;
      v |= (c & LOW) << shift;
      shift += 5;
    }
    return v;
  }
}

/** Decodes every integer of an encoded string into an array of `length`. */
export function decodeVarints(s: string, length: number): Uint32Array {
  const out = new Uint32Array(length);
  const r = new VarintReader(s);
  for (let i = 0; i < length; i++) out[i] = r.next();
  if (r.pos !== s.length) throw new Error('citeqa index: an encoded column has the wrong length; rebuild it with `npm run build`');
  return out;
}

// Characters above U+00FF would make V8 store a whole string two bytes per
// character. They are written as U+0001 and four hex digits instead (as is
// U+0001 itself), so the big strings stay one byte per character.
const ESC = '\u0001';
const WIDE = /[\u0001\u0100-\uffff]/g;

const HAS_WIDE = /[\u0001\u0100-\uffff]/;

/** Escapes characters above U+00FF (and U+0001) as U+0001 + 4 hex digits. */
export function escapeWide(s: string): string {
  if (!HAS_WIDE.test(s)) return s;
  return s.replace(WIDE, (c) => ESC + c.charCodeAt(0).toString(16).padStart(4, '0'));
}

/** Reverses {@link escapeWide}. */
export function unescapeWide(s: string): string {
  if (s.indexOf(ESC) < 0) return s;
  let out = '';
  let from = 0;
  for (let i = s.indexOf(ESC); i >= 0; i = s.indexOf(ESC, from)) {
    out += s.slice(from, i) + String.fromCharCode(parseInt(s.slice(i + 1, i + 5), 16));
    from = i + 5;
  }
  return out + s.slice(from);
}

/**
 * Integers as fixed-width groups of base-32 digits (`0`…`O`, least
 * significant first), so value i is read at i × width without decoding
 * anything before it: a column the runtime uses in place, with no work at load.
 */
export interface FixedColumn {
  width: number;
  data: string;
}

/** Encodes `values` with the fewest digits that hold the largest. */
export function encodeFixed(values: ArrayLike<number>): FixedColumn {
  let max = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    if (!(Number.isInteger(v) && v >= 0 && v < 0x40000000)) throw new Error(`citeqa index: cannot encode ${v}`);
    if (v > max) max = v;
  }
  let width = 1;
  while (max >= 2 ** (5 * width)) width++;
  const out: string[] = [];
  for (let i = 0; i < values.length; i++) {
    let v = values[i]!;
    for (let k = 0; k < width; k++) {
      out.push(String.fromCharCode(DIGIT_BASE + (v & LOW)));
      v >>>= 5;
    }
  }
  return { width, data: out.join('') };
}

/** Value `i` of a {@link FixedColumn}. */
export function readFixed(col: FixedColumn, i: number): number {
  const s = col.data;
  const w = col.width;
  let p = i * w;
  let v = s.charCodeAt(p) - DIGIT_BASE;
  for (let k = 1; k < w; k++) v |= (s.charCodeAt(++p) - DIGIT_BASE) << (5 * k);
  return v;
}

/** Number of values in a {@link FixedColumn}; throws when its length is not a multiple of its width. */
export function fixedLength(col: FixedColumn): number {
  if (!(col.width >= 1 && col.width <= 6) || col.data.length % col.width !== 0) {
    throw new Error('citeqa index: a column has the wrong length; rebuild it with `npm run build`');
  }
  return col.data.length / col.width;
}
