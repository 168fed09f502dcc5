/** The emulator's public surface: build an app, or start a listening emulator. */
export { createEmulator, type Emulator, type CreateEmulatorOptions } from './app.js';
export { start, type RunningEmulator } from './server.js';
export { DEFAULTS, DEFAULT_APPLICATION, type EmulatorConfig, type ApplicationConfig, type JourneyVariant } from './config/defaults.js';
export { resolveConfig, ConfigError, type ConfigOverrides } from './config/load-config.js';
export { createClock, type Clock } from './clock/clock.js';
export type { Store } from './store/store.js';
export { FAULT_CATALOGUE, type FaultDefinition } from './control/faults.js';
export type { JournalEntry } from './control/journal.js';
