import type { Prng } from './prng.js';

/** Agent code (api-platform-test-user `Generator`): 10 digits, granted with the agent-services service. */
export function generateAgentCode(prng: Prng): string {
  return prng.digits(10);
}

export function isValidAgentCode(value: string): boolean {
  return /^\d{10}$/.test(value);
}
