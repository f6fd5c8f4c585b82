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
