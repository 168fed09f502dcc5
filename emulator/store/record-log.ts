/**
 * One namespace of the memory store kept off the V8 heap: each value as a JSON record in 1 MB Buffers, found
 * through an open-addressing hash index in typed arrays. It holds no JavaScript object per entry, so V8 has
 * nothing per entry to mark or to multiply when it sizes its heap: for tokens issued by the hundred thousand,
 * that is most of the emulator's memory (docs/benchmarks.md, "Memory"). Values come back as fresh copies, as
 * from any database.
 *
 * Records are appended in write order (a rewrite appends a new record and retires the old one), so `entries()`
 * keeps insertion order and a sweep finds the oldest, first-expiring records at the front. A slab whose records
 * are all retired is released.
 */
const SLAB = 1 << 20;
// Record: [0] alive (u8), [1..8] expiresAt (f64, NaN for none), [9..10] key bytes (u16), [11..14] value bytes (u32).
const HEADER = 15;
const EMPTY = -1;
const TOMBSTONE = -2;
const SWEEP_EVERY = 1024;

export class RecordLog {
  private slabs: Array<Buffer | undefined> = [];
  private used: number[] = [];
  private live: number[] = [];
  private slots = new Int32Array(1024).fill(EMPTY);
  private hashes = new Int32Array(1024);
  private count = 0;
  private tombstones = 0;
  private head = 0;
  private writes = 0;

  get(key: string, now: number): unknown {
    const slot = this.find(key);
    if (slot < 0) return undefined;
    const id = this.slots[slot]!;
    if (this.expired(id, now)) {
      this.retire(id, slot);
      return undefined;
    }
    return this.value(id);
  }

  set(key: string, value: unknown, expiresAt: number | undefined, now: number): void {
    const json = JSON.stringify(value);
    const keyBytes = Buffer.byteLength(key);
    if (keyBytes > 0xffff) throw new RangeError('record key too long');
    const id = this.append(key, keyBytes, json, expiresAt);
    const hash = hashOf(key);
    const slot = this.find(key, hash);
    if (slot >= 0) {
      this.kill(this.slots[slot]!);
      this.slots[slot] = id;
    } else {
      this.insert(hash, id);
    }
    if (++this.writes % SWEEP_EVERY === 0) this.sweep(now);
  }

  /** Replaces a live entry's value, keeping its expiry; false when there is none. */
  replace(key: string, value: unknown, now: number): boolean {
    const slot = this.find(key);
    if (slot < 0 || this.expired(this.slots[slot]!, now)) return false;
    const expiresAt = this.expiresAt(this.slots[slot]!);
    this.set(key, value, expiresAt, now);
    return true;
  }

  delete(key: string): void {
    const slot = this.find(key);
    if (slot >= 0) this.retire(this.slots[slot]!, slot);
  }

  entries(now: number): Array<[string, unknown]> {
    const out: Array<[string, unknown]> = [];
    this.scan((id, slab, at) => {
      if (slab[at] === 1 && !this.expired(id, now)) out.push([this.key(id), this.value(id)]);
      return true;
    });
    return out;
  }

  clear(): void {
    Object.assign(this, new RecordLog());
  }

  /**
   * Retires expired records from the front, up to the first live one that has not expired, visiting at most
   * `budget` records (the memory store sweeps with no budget once the clock has moved; see memory-store.ts).
   */
  sweep(now: number, budget = 2 * SWEEP_EVERY): void {
    this.scan((id, slab, at) => {
      if (--budget < 0) return false;
      if (slab[at] !== 1) return true;
      const expiresAt = slab.readDoubleLE(at + 1);
      if (Number.isNaN(expiresAt)) return true;
      if (expiresAt > now) return false;
      this.retire(id, -1);
      return true;
    });
    // Release the leading slabs with nothing live left (never the one being written).
    while (this.head < this.slabs.length - 1 && this.live[this.head] === 0) {
      this.slabs[this.head] = undefined;
      this.head++;
    }
  }

  /** Visits records in write order from the first slab still held, until `visit` returns false. */
  private scan(visit: (id: number, slab: Buffer, at: number) => boolean): void {
    for (let s = this.head; s < this.slabs.length; s++) {
      const slab = this.slabs[s];
      if (!slab) continue;
      for (let at = 0; at < this.used[s]!; at += HEADER + slab.readUInt16LE(at + 9) + slab.readUInt32LE(at + 11)) {
        if (!visit(s * SLAB + at, slab, at)) return;
      }
    }
  }

  private append(key: string, keyBytes: number, json: string, expiresAt: number | undefined): number {
    const valueBytes = Buffer.byteLength(json);
    const size = HEADER + keyBytes + valueBytes;
    let s = this.slabs.length - 1;
    if (s < 0 || this.used[s]! + size > this.slabs[s]!.length) {
      // Record ids (slab × 1 MB + offset) live in an Int32Array: 2 GB of records at most.
      if (this.slabs.length >= 2047) throw new RangeError('record log full');
      this.slabs.push(Buffer.allocUnsafeSlow(Math.max(SLAB, size)));
      this.used.push(0);
      this.live.push(0);
      s++;
    }
    const slab = this.slabs[s]!;
    const at = this.used[s]!;
    slab[at] = 1;
    slab.writeDoubleLE(expiresAt ?? Number.NaN, at + 1);
    slab.writeUInt16LE(keyBytes, at + 9);
    slab.writeUInt32LE(valueBytes, at + 11);
    slab.write(key, at + HEADER, 'utf8');
    slab.write(json, at + HEADER + keyBytes, 'utf8');
    this.used[s] = at + size;
    this.live[s]!++;
    return s * SLAB + at;
  }

  /** Marks a record retired; false when it already was. */
  private kill(id: number): boolean {
    const s = Math.floor(id / SLAB);
    const slab = this.slabs[s]!;
    const at = id % SLAB;
    if (slab[at] !== 1) return false;
    slab[at] = 0;
    this.live[s]!--;
    return true;
  }

  /** Retires a record and removes it from the index (`slot` when known, else found by its key). */
  private retire(id: number, slot: number): void {
    if (!this.kill(id)) return;
    const found = slot >= 0 ? slot : this.slotOf(id);
    if (found >= 0) {
      this.slots[found] = TOMBSTONE;
      this.count--;
      this.tombstones++;
    }
  }

  private find(key: string, hash = hashOf(key)): number {
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      const id = this.slots[i]!;
      if (id === EMPTY) return -1;
      if (id !== TOMBSTONE && this.hashes[i] === hash && this.key(id) === key) return i;
    }
  }

  private slotOf(id: number): number {
    const hash = hashOf(this.key(id));
    const mask = this.slots.length - 1;
    for (let i = hash & mask; ; i = (i + 1) & mask) {
      if (this.slots[i] === EMPTY) return -1;
      if (this.slots[i] === id) return i;
    }
  }

  private insert(hash: number, id: number): void {
    if ((this.count + this.tombstones + 1) * 10 > this.slots.length * 6) this.rehash();
    const mask = this.slots.length - 1;
    let i = hash & mask;
    while (this.slots[i] !== EMPTY && this.slots[i] !== TOMBSTONE) i = (i + 1) & mask;
    if (this.slots[i] === TOMBSTONE) this.tombstones--;
    this.slots[i] = id;
    this.hashes[i] = hash;
    this.count++;
  }

  /** Rebuilds the index without tombstones, twice as large when it is more than a third full. */
  private rehash(): void {
    const { slots, hashes } = this;
    const size = (this.count + 1) * 3 > slots.length ? slots.length * 2 : slots.length;
    this.slots = new Int32Array(size).fill(EMPTY);
    this.hashes = new Int32Array(size);
    this.count = 0;
    this.tombstones = 0;
    for (let i = 0; i < slots.length; i++) if (slots[i]! >= 0) this.insert(hashes[i]!, slots[i]!);
  }

  private key(id: number): string {
    const slab = this.slabs[Math.floor(id / SLAB)]!;
    const at = id % SLAB;
    return slab.toString('utf8', at + HEADER, at + HEADER + slab.readUInt16LE(at + 9));
  }

  private value(id: number): unknown {
    const slab = this.slabs[Math.floor(id / SLAB)]!;
    const at = id % SLAB;
    const start = at + HEADER + slab.readUInt16LE(at + 9);
    return JSON.parse(slab.toString('utf8', start, start + slab.readUInt32LE(at + 11))) as unknown;
  }

  private expiresAt(id: number): number | undefined {
    const slab = this.slabs[Math.floor(id / SLAB)]!;
    const expiresAt = slab.readDoubleLE((id % SLAB) + 1);
    return Number.isNaN(expiresAt) ? undefined : expiresAt;
  }

  private expired(id: number, now: number): boolean {
    const expiresAt = this.expiresAt(id);
    return expiresAt !== undefined && expiresAt <= now;
  }
}

/** FNV-1a over the key's UTF-16 code units. */
function hashOf(key: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
  return h | 0;
}
