import { setFlagsFromString } from 'node:v8';

/**
 * Imported first by the CLI, before anything else loads: how V8 sizes the emulator's heap. Only the CLI sets
 * these; a vendor's process that embeds the emulator through `start()` keeps its own V8 settings. Measured in
 * docs/benchmarks.md ("Memory").
 *
 * - The young generation (new objects) stays at its initial size. V8 grows it from 1 MB up to 16 MB per
 *   semi-space under sustained allocation and never gives it back: about 60 MB of RSS on a busy emulator, for no
 *   CPU that could be measured.
 * - The old generation may grow to 2.5 times what is live after a full collection, rather than up to 4 times.
 *   With the tokens off the heap (store/record-log.ts) there is little live data, so collections stay cheap.
 */
setFlagsFromString('--semi-space-growth-factor=1');
setFlagsFromString('--heap-growing-percent=150');
