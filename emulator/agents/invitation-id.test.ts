import { describe, expect, it } from 'vitest';
import { generateInvitationId, isValidInvitationId } from './invitation-id.js';

describe('invitation IDs', () => {
  it("accepts HMRC's documented example CS5AK7O8FPC43", () => {
    expect(isValidInvitationId('CS5AK7O8FPC43')).toBe(true);
  });

  it('rejects a wrong check character, a bad length and characters outside the alphabet', () => {
    expect(isValidInvitationId('CS5AK7O8FPC44')).toBe(false);
    expect(isValidInvitationId('CS5AK7O8FPC4')).toBe(false);
    expect(isValidInvitationId('CS5AK7O8FPCI3')).toBe(false);
  });

  it('generates valid 13-character IDs with the service prefix', () => {
    for (let i = 0; i < 50; i++) {
      const id = generateInvitationId('A');
      expect(id).toMatch(/^A[ABCDEFGHJKLMNOPRSTUWXYZ1-9]{12}$/);
      expect(isValidInvitationId(id)).toBe(true);
    }
  });
});
