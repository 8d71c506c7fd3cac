/**
 * An append-only hash set of byte strings in flat typed arrays: keys live back to back in one
 * buffer, an open-addressing table maps hashes to entry numbers. Ten million keys cost their
 * bytes plus about 12 bytes each, instead of the ~100 bytes a JS Map entry with a string key costs.
 */
export class ByteTable {
  private bytes = new Uint8Array(1 << 16);
  private used = 0;
  /** End offset of each entry's key; entry i spans [ends[i-1] or 0, ends[i]). */
  private ends = new Uint32Array(1 << 10);
  private count = 0;
  /** Each entry's hash, so growing the slot table never re-reads the keys. */
  private hashes = new Uint32Array(1 << 10);
  /** Entry number + 1 per slot, 0 = empty; kept at most half full. */
  private slots = new Uint32Array(1 << 11);

  /** Number of distinct keys. */
  get size(): number {
    return this.count;
  }

  /** Bytes held by the table's arrays (for memory reports). */
  get memoryBytes(): number {
    return this.bytes.byteLength + this.ends.byteLength + this.hashes.byteLength + this.slots.byteLength;
  }

  /** The entry number of `key[0..len)`, or -1. */
  find(key: Uint8Array, len: number): number {
    return this.findHashed(key, len, hash(key, len));
  }

  private findHashed(key: Uint8Array, len: number, h: number): number {
    const mask = this.slots.length - 1;
    let i = h & mask;
    for (;;) {
      const e = this.slots[i];
      if (e === 0) return -1;
      if (this.equals(e - 1, key, len)) return e - 1;
      i = (i + 1) & mask;
    }
  }

  /** Inserts the key if new; returns its entry number either way. */
  insert(key: Uint8Array, len: number): number {
    const h = hash(key, len);
    const found = this.findHashed(key, len, h);
    if (found >= 0) return found;
    if ((this.count + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    if (this.used + len > this.bytes.length) this.bytes = grow(this.bytes, this.used + len);
    if (this.count + 1 > this.ends.length) {
      this.ends = grow(this.ends, this.count + 1);
      this.hashes = grow(this.hashes, this.count + 1);
    }
    const b = this.bytes;
    for (let j = 0, o = this.used; j < len; j++, o++) b[o] = key[j];
    this.used += len;
    const id = this.count++;
    this.ends[id] = this.used;
    this.hashes[id] = h;
    this.place(id, h);
    return id;
  }

  /** A copy of an entry's key. */
  key(id: number): Uint8Array {
    return this.bytes.slice(id === 0 ? 0 : this.ends[id - 1], this.ends[id]);
  }

  private equals(id: number, key: Uint8Array, len: number): boolean {
    const start = id === 0 ? 0 : this.ends[id - 1];
    if (this.ends[id] - start !== len) return false;
    const b = this.bytes;
    for (let j = 0; j < len; j++) if (b[start + j] !== key[j]) return false;
    return true;
  }

  private place(id: number, h: number): void {
    const mask = this.slots.length - 1;
    let i = h & mask;
    while (this.slots[i] !== 0) i = (i + 1) & mask;
    this.slots[i] = id + 1;
  }

  private rehash(size: number): void {
    this.slots = new Uint32Array(size);
    for (let id = 0; id < this.count; id++) this.place(id, this.hashes[id]);
  }
}

function grow<T extends Uint8Array | Uint32Array>(a: T, need: number): T {
  let n = a.length * 2;
  while (n < need) n *= 2;
  const b = new (a.constructor as new (n: number) => T)(n);
  b.set(a);
  return b;
}

/** FNV-1a with a final avalanche, so linear probing stays short on similar keys. */
function hash(key: Uint8Array, len: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < len; i++) h = Math.imul(h ^ key[i], 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  return h >>> 0;
}
