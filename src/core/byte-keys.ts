/**
 * A hash set of short byte strings, each with an integer tag: the ingest's respondent-per-day set
 * (tag = day) and its category dictionaries keyed by the raw bytes of a cell (tag 0). Keys are compared
 * as bytes, so a million lookups create no strings; a string is decoded only when a key is new.
 */

// Sized for a day's respondents in a large file, so most sets never grow; 4 KiB per set.
const INITIAL_SLOTS = 256;
const INITIAL_ARENA = 2048;
const FNV_OFFSET = 0x811c9dc5;
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
   * touches one cache line. A power-of-two number of slots.
   */
  #slots = new Int32Array(INITIAL_SLOTS * 2);
  #hashes = new Int32Array(INITIAL_SLOTS / 2);
  #tags = new Int32Array(INITIAL_SLOTS / 2);
  /** Entry i's bytes are `arena[offsets[i], offsets[i + 1])`. */
  #offsets = new Int32Array(INITIAL_SLOTS / 2 + 1);
  #arena = new Uint8Array(INITIAL_ARENA);
  #size = 0;
  /** Whether the last {@link intern} call added its key. */
  added = false;

  get size(): number {
    return this.#size;
  }

  /**
   * The entry index of (`tag`, `bytes[start, end)`), added when absent. With `fold`, ASCII capitals
   * are compared (and stored) as lower case. Returns -1, adding nothing, when `asciiOnly` is set and
   * the bytes include a non-ASCII one (the caller then builds the key from decoded text).
   */
  intern(tag: number, bytes: Uint8Array, start: number, end: number, fold: boolean, asciiOnly = false): number {
    let hash = (FNV_OFFSET ^ tag) | 0;
    for (let i = start; i < end; i++) {
      const c = bytes[i]!;
      if (asciiOnly && c >= 0x80) return -1;
      hash = Math.imul(hash ^ (fold ? ASCII_FOLD[c]! : c), FNV_PRIME);
    }
    const slots = this.#slots;
    const mask = (slots.length >> 1) - 1;
    const length = end - start;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = slots[2 * slot + 1]! - 1;
      if (entry < 0) break;
      if (slots[2 * slot] !== hash || this.#tags[entry] !== tag) continue;
      const from = this.#offsets[entry]!;
      if (this.#offsets[entry + 1]! - from !== length) continue;
      const arena = this.#arena;
      let same = true;
      for (let i = 0; i < length; i++) {
        const c = bytes[start + i]!;
        if (arena[from + i] !== (fold ? ASCII_FOLD[c] : c)) {
          same = false;
          break;
        }
      }
      if (same) {
        this.added = false;
        return entry;
      }
    }
    this.added = true;
    return this.#add(tag, hash, bytes, start, end, fold);
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

  #add(tag: number, hash: number, bytes: Uint8Array, start: number, end: number, fold: boolean): number {
    const entry = this.#size++;
    if (entry + 1 >= this.#offsets.length) {
      const capacity = this.#hashes.length * 2;
      this.#hashes = grow(this.#hashes, capacity);
      this.#tags = grow(this.#tags, capacity);
      this.#offsets = grow(this.#offsets, capacity + 1);
    }
    const from = this.#offsets[entry]!;
    const to = from + end - start;
    if (to > this.#arena.length) {
      const arena = new Uint8Array(Math.max(to, this.#arena.length * 4));
      arena.set(this.#arena.subarray(0, from));
      this.#arena = arena;
    }
    const arena = this.#arena;
    if (fold) for (let i = start, at = from; i < end; i++, at++) arena[at] = ASCII_FOLD[bytes[i]!]!;
    else arena.set(bytes.subarray(start, end), from);
    this.#offsets[entry + 1] = to;
    this.#hashes[entry] = hash;
    this.#tags[entry] = tag;
    if (this.#size * 4 > this.#slots.length) this.#rehash(this.#slots.length * 2);
    else this.#place(this.#slots, entry);
    return entry;
  }

  #place(slots: Int32Array, entry: number): void {
    const mask = (slots.length >> 1) - 1;
    const hash = this.#hashes[entry]!;
    let slot = hash & mask;
    while (slots[2 * slot + 1] !== 0) slot = (slot + 1) & mask;
    slots[2 * slot] = hash;
    slots[2 * slot + 1] = entry + 1;
  }

  /** Quadruples the slots (kept at most half full) and places every entry again. */
  #rehash(slotCount: number): void {
    const slots = new Int32Array(slotCount * 2);
    for (let entry = 0; entry < this.#size; entry++) this.#place(slots, entry);
    this.#slots = slots;
  }
}

function grow<T extends Int32Array>(array: T, capacity: number): T {
  const next = new Int32Array(capacity) as T;
  next.set(array);
  return next;
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

  /** Adds the key unless the day already has it; true when it was added (a first answer that day). */
  add(day: number, bytes: Uint8Array, start: number, end: number, asciiOnly: boolean): boolean | null {
    let set = this.#lastSet;
    if (day !== this.#lastDay || !set) {
      set = this.#days.get(day) ?? null;
      if (!set) this.#days.set(day, (set = new ByteKeySet()));
      this.#lastDay = day;
      this.#lastSet = set;
    }
    if (set.intern(0, bytes, start, end, true, asciiOnly) < 0) return null;
    return set.added;
  }
}
