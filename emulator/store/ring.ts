/**
 * The last `max` entries appended, oldest first: a store log (the request journal). Appending is O(1); trimming
 * an array from the front instead moves every entry on each request once the log is full.
 */
export class Ring<T> {
  private items: T[] = [];
  /** Where the oldest entry is, once the ring is full and has wrapped. */
  private start = 0;

  push(entry: T, max: number): void {
    if (this.items.length > max || (this.start && this.items.length < max)) {
      // `max` changed since the last append: keep the newest entries, in order.
      const ordered = this.toArray();
      this.items = ordered.slice(Math.max(0, ordered.length - max));
      this.start = 0;
    }
    if (this.items.length < max) this.items.push(entry);
    else if (max > 0) {
      this.items[this.start] = entry;
      this.start = (this.start + 1) % max;
    }
  }

  toArray(): T[] {
    return [...this.items.slice(this.start), ...this.items.slice(0, this.start)];
  }
}
