/**
 * What an emulator keeps beside its {@link Store}: the clock's position and the keys that sign its cookies and
 * tokens. Read once at start-up, before the Store exists (the Store needs the clock), and written synchronously
 * (the clock moves inside a synchronous `advance`). `Store.clear()` leaves it alone: a reset moves the clock back
 * itself, and keeps the keys, so a browser's cookies stay readable.
 */
export interface Meta {
  get<T>(key: string): T | undefined;
  set<T>(key: string, value: T): void;
}

/** The in-memory {@link Meta}: gone with the process. */
export function createMemoryMeta(): Meta {
  const values = new Map<string, unknown>();
  return {
    get: <T>(key: string) => values.get(key) as T | undefined,
    set: (key, value) => void values.set(key, value),
  };
}
