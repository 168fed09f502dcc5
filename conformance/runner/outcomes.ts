import type { CheckId } from '../checks.js';

/** Thrown by a scenario: the vendor broke the check's rule. */
export class CheckFailed extends Error {
  constructor(readonly findings: string[]) {
    super(findings.join('; '));
    this.name = 'CheckFailed';
  }
}

/** Thrown when the check could not be exercised because another check's rule is broken (reported as blocked). */
export class Blocked extends Error {
  constructor(
    readonly by: CheckId,
    reason: string,
  ) {
    super(reason);
    this.name = 'Blocked';
  }
}

/** Thrown when the check does not apply to this software (e.g. state tampering with an out-of-band code). */
export class NotApplicable extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'NotApplicable';
  }
}
