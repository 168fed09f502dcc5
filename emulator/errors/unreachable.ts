/**
 * The `default` of a `switch` over a string-literal union (fault ids, outcomes): it fails to compile when a case is
 * left out, and throws if a value the types rule out arrives anyway (e.g. from a store written by another version).
 *
 * @example
 * switch (fault.id) { case 'a': …; case 'b': …; default: return unreachable(fault.id, 'fault'); }
 */
export function unreachable(value: never, what: string): never {
  throw new Error(`${what} ${String(value)} has no case here`);
}
