import { describe, expect, it } from 'vitest';
import { errorCodeFor, findOutcome, isPresettable, OUTCOMES } from './outcomes.js';

describe('the journey outcome catalogue', () => {
  it('maps HMRC\'s denial description to USER_DENIED_AUTHORIZATION', () => {
    expect(errorCodeFor('user denied the authorization')).toBe('USER_DENIED_AUTHORIZATION');
  });

  it('gives every failure a distinct description, so the redirect can name its error_code', () => {
    const failures = OUTCOMES.filter((o) => o.errorCode && o.id !== 'account-locked');
    expect(new Set(failures.map((o) => o.errorDescription)).size).toBe(failures.length);
    for (const o of failures) expect(errorCodeFor(o.errorDescription)).toBe(o.errorCode);
  });

  it('knows nothing of unknown descriptions or outcomes', () => {
    expect(errorCodeFor('something else')).toBeUndefined();
    expect(errorCodeFor(null)).toBeUndefined();
    expect(findOutcome('nope')).toBeUndefined();
    expect(isPresettable('sign-in-locked')).toBe(false);
    expect(isPresettable('iv-success')).toBe(true);
  });
});
