import { describe, expect, it } from 'vitest';
import { bestTemplate, fillTemplate, matchesTemplate } from './path-template.js';

describe('matchesTemplate', () => {
  it('matches a path whose segments fill the template’s parameters', () => {
    expect(matchesTemplate('/organisations/vat/{vrn}/returns/{periodKey}', '/organisations/vat/123456789/returns/18A1')).toBe(true);
  });

  it('ignores the query string and a trailing slash', () => {
    expect(matchesTemplate('/organisations/vat/{vrn}/obligations', '/organisations/vat/123456789/obligations/?status=O')).toBe(true);
  });

  it('refuses other literals, other lengths and empty segments', () => {
    expect(matchesTemplate('/organisations/vat/{vrn}/returns', '/organisations/vat/123456789/liabilities')).toBe(false);
    expect(matchesTemplate('/organisations/vat/{vrn}/returns', '/organisations/vat/123456789/returns/18A1')).toBe(false);
    expect(matchesTemplate('/organisations/vat/{vrn}/returns', '/organisations/vat//returns')).toBe(false);
  });
});

describe('bestTemplate', () => {
  it('prefers the template with more literal segments, as a router does', () => {
    const templates = ['/individuals/business/details/{nino}/{businessId}', '/individuals/business/details/{nino}/list'];
    expect(bestTemplate(templates, (t) => t, '/individuals/business/details/AA123456A/list')).toBe('/individuals/business/details/{nino}/list');
    expect(bestTemplate(templates, (t) => t, '/individuals/business/details/AA123456A/XAIS12345678901')).toBe('/individuals/business/details/{nino}/{businessId}');
    expect(bestTemplate(templates, (t) => t, '/hello/world')).toBeUndefined();
  });
});

describe('fillTemplate', () => {
  it('replaces each parameter, URI-encoded', () => {
    expect(fillTemplate('/agents/{arn}/invitations/{invitationId}', (n) => (n === 'arn' ? 'AARN1234567' : 'a b'))).toBe('/agents/AARN1234567/invitations/a%20b');
  });
});
