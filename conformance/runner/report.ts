import type { CheckDefinition } from '../checks.js';
import type { JournalEntry } from './emulator-client.js';

export type CheckStatus = 'passed' | 'failed' | 'blocked' | 'skipped';

/** One check's result, with the emulator's journal entries it caused as evidence. */
export interface CheckResult extends CheckDefinition {
  status: CheckStatus;
  /** Why it failed, was blocked or skipped. */
  message?: string | undefined;
  findings: string[];
  notes: string[];
  /** The check whose failure kept this one from running. */
  blockedBy?: string | undefined;
  /** The reason given in the expected-failures file, when this check is listed there. */
  expected?: string | undefined;
  /** Whether this result fails the run. */
  unexpected: boolean;
  durationMs: number;
  evidence: JournalEntry[];
}

export interface RunReport {
  tool: 'hmrc-sandbox conform';
  reportVersion: 1;
  vendor: string;
  emulatorUrl: string;
  userAgent: 'http' | 'browser';
  connectionMethod: string;
  startedAt: string;
  durationMs: number;
  summary: {
    total: number;
    passed: number;
    failed: number;
    blocked: number;
    skipped: number;
    expectedFailures: number;
    unexpected: number;
    /** Checks listed as expected failures that passed: take them off the list. */
    expectedButPassed: string[];
  };
  checks: CheckResult[];
}

/** How the run talks to reporters: live events, then the finished report. */
export interface Reporter {
  runStarted?(info: { vendor: string; emulatorUrl: string; checks: number }): void;
  checkStarted?(check: CheckDefinition): void;
  checkFinished?(result: CheckResult): void;
  runFinished?(report: RunReport): void | Promise<void>;
}
