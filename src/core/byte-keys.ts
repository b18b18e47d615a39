/**
 * A hash set of short byte strings: the ingest's respondents of one day, and its category dictionaries
 * keyed by the raw bytes of a cell. Keys are compared as bytes, so a million lookups create no strings;
 * a string is decoded only when a key is new.
 */

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** ASCII letters A–Z to a–z and nothing else: exactly what `toLowerCase` does to ASCII text. */
const ASCII_FOLD = new Uint8Array(256);
for (let c = 0; c < 256; c++) ASCII_FOLD[c] = c >= 0x41 && c <= 0x5a ? c + 0x20 : c;

/** What `String.prototype.trim` removes, as far as ASCII goes: tab, LF, VT, FF, CR and space. */
export function isAsciiSpace(c: number): boolean {
  return c === 0x20 || (c >= 0x09 && c <= 0x0d);
}

export class ByteKeySet {
  /**
   * Per slot, its entry's hash and then entry index + 1 (0: an empty slot), side by side so that a probe
   * touches one cache line. A power-of-two number of slots, at most half of them used.
   */
  #slots: Int32Array;
  /** Entry i's bytes are `arena[offsets[i], offsets[i + 1])`. */
  #offsets: Int32Array;
  #arena: Uint8Array;
  #size = 0;
  /** Whether the last {@link intern} call added its key. */
  added = false;

  /** `expected`: how many keys the set will probably hold, so that it need not grow on the way. */
  constructor(expected = 8) {
    let slots = 16;
    while (slots < expected * 2) slots *= 2;
    this.#slots = new Int32Array(slots * 2);
    this.#offsets = new Int32Array(slots / 2 + 1);
    this.#arena = new Uint8Array(Math.max(256, expected * 32));
  }

  get size(): number {
    return this.#size;
  }

  /**
   * The entry index of `bytes[start, end)`, added when absent. With `fold`, ASCII capitals are compared
   * (and stored) as lower case. Returns -1, adding nothing, when `asciiOnly` is set and the bytes include
   * a non-ASCII one (the caller then builds the key from decoded text).
   */
  intern(bytes: Uint8Array, start: number, end: number, fold: boolean, asciiOnly = false): number {
    // Four bytes per step. Folded keys are hashed with bit 5 set in every byte, which maps A–Z to a–z
    // (and a few other pairs, such as @ and `, together: the comparison below tells those apart).
    const caseBits = fold ? 0x20202020 : 0;
    let hash = FNV_OFFSET;
    let i = start;
    for (; i + 4 <= end; i += 4) {
      const word = bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24);
      if (asciiOnly && (word & 0x80808080) !== 0) return -1;
      hash = Math.imul(hash ^ (word | caseBits), FNV_PRIME);
    }
    for (; i < end; i++) {
      const c = bytes[i]!;
      if (asciiOnly && c >= 0x80) return -1;
      hash = Math.imul(hash ^ (c | caseBits), FNV_PRIME);
    }
    hash ^= hash >>> 15;
    hash = Math.imul(hash, 0x2c1b3c6d);
    hash ^= hash >>> 12;
    const slots = this.#slots;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    const offsets = this.#offsets;
    const arena = this.#arena;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1]! - 1;
      if (entry < 0) break;
      if (slots[2 * slot] !== hash) continue;
      const from = offsets[entry]!;
      if (offsets[entry + 1]! - from !== length) continue;
      let same = true;
      if (fold) {
        for (let i = 0; i < length; i++) if (arena[from + i] !== ASCII_FOLD[bytes[start + i]!]) (same = false), (i = length);
      } else {
        for (let i = 0; i < length; i++) if (arena[from + i] !== bytes[start + i]) (same = false), (i = length);
      }
      if (same) {
        this.added = false;
        return entry;
      }
    }
    this.added = true;
    return this.#add(hash, bytes, start, end, fold);
  }

  /** Whether entry `entry` holds exactly `bytes[start, end)` (stored bytes, so folded ones compare folded). */
  equals(entry: number, bytes: Uint8Array, start: number, end: number): boolean {
    const from = this.#offsets[entry]!;
    const length = end - start;
    if (this.#offsets[entry + 1]! - from !== length) return false;
    const arena = this.#arena;
    for (let i = 0; i < length; i++) if (arena[from + i] !== bytes[start + i]) return false;
    return true;
  }

  #add(hash: number, bytes: Uint8Array, start: number, end: number, fold: boolean): number {
    const entry = this.#size++;
    if (entry + 1 >= this.#offsets.length) {
      const offsets = new Int32Array(this.#offsets.length * 2);
      offsets.set(this.#offsets);
      this.#offsets = offsets;
    }
    const from = this.#offsets[entry]!;
    const to = from + end - start;
    if (to > this.#arena.length) {
      const arena = new Uint8Array(Math.max(to, this.#arena.length * 2));
      arena.set(this.#arena.subarray(0, from));
      this.#arena = arena;
    }
    const arena = this.#arena;
    if (fold) for (let i = start, at = from; i < end; i++, at++) arena[at] = ASCII_FOLD[bytes[i]!]!;
    else arena.set(bytes.subarray(start, end), from);
    this.#offsets[entry + 1] = to;
    if (this.#size * 4 > this.#slots.length) this.#grow();
    place(this.#slots, hash, entry);
    return entry;
  }

  /** Doubles the slots and places every entry again, from the hashes the old slots hold. */
  #grow(): void {
    const old = this.#slots;
    const slots = new Int32Array(old.length * 2);
    for (let slot = 0; slot < old.length; slot += 2) if (old[slot + 1] !== 0) place(slots, old[slot]!, old[slot + 1]! - 1);
    this.#slots = slots;
  }
}

function place(slots: Int32Array, hash: number, entry: number): void {
  const mask = (slots.length >> 1) - 1;
  let slot = hash & mask;
  while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
  slots[2 * slot] = hash;
  slots[2 * slot + 1] = entry + 1;
}

/**
 * Respondent keys per day: one small {@link ByteKeySet} per calendar day. Feedback files are mostly in
 * date order, so the day being read has its own set, small enough to stay in the processor's cache,
 * instead of every lookup probing one set of a million keys in main memory.
 */
export class KeysPerDay {
  readonly #days = new Map<number, ByteKeySet>();
  #lastDay = Number.NaN;
  #lastSet: ByteKeySet | null = null;

  /** Adds the key unless the day already has it: true when added (a first answer that day), null when `asciiOnly` refused it. */
  add(day: number, bytes: Uint8Array, start: number, end: number, asciiOnly: boolean): boolean | null {
    let set = this.#lastSet;
    if (day !== this.#lastDay || !set) {
      let found = this.#days.get(day);
      // A new day usually holds about as many answers as the last one: sized alike, it rarely grows.
      if (!found) this.#days.set(day, (found = new ByteKeySet(set ? set.size : 8)));
      set = found;
      this.#lastDay = day;
      this.#lastSet = set;
    }
    if (set.intern(bytes, start, end, true, asciiOnly) < 0) return null;
    return set.added;
  }
}
