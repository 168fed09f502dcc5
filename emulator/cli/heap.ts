import { setFlagsFromString } from 'node:v8';

/**
 * Imported first by the CLI, before anything else loads. V8 grows the young generation (new objects) from 1 MB
 * up to 16 MB per semi-space under sustained allocation, and never gives it back; a busy emulator's requests
 * allocate steadily, so that was about 60 MB of RSS after 100,000 tokens. Kept at its initial size it costs no
 * measurable CPU (docs/benchmarks.md, "Memory"). Only the CLI sets it: a vendor's process that embeds the
 * emulator through `start()` keeps its own V8 settings.
 */
setFlagsFromString('--semi-space-growth-factor=1');
