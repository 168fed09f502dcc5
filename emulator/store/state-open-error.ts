/**
 * The data directory cannot be used: another emulator holds it, its database is corrupt or from a newer version,
 * or the directory cannot be written. The message names the file and what to do, in one line: the CLI prints it
 * and exits 1, with no stack trace.
 */
export class StateOpenError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateOpenError';
  }
}
