import { describe, expect, it } from 'vitest';
import { parseForms, pageTitle, testIdText } from './html-forms.js';

describe('HTML form parsing for the HTTP user agent', () => {
  it('reads the action, method, hidden inputs and submit buttons of each form', () => {
    const html = `<form method="post" action="/oauth/interaction/abc/sign-in" novalidate>
      <input type="hidden" name="csrfToken" value="t&amp;k">
      <input id="userId" name="userId" class="govuk-input"><input name="password" type="password">
      <button type="submit" class="govuk-button" data-module="govuk-button">Sign in</button></form>
      <form action='/grant' method=POST><button name="decision" value="grant">Grant</button><button name="decision" value="deny">No</button></form>`;
    const [signIn, grant] = parseForms(html);
    expect(signIn).toEqual({
      action: '/oauth/interaction/abc/sign-in',
      method: 'POST',
      fields: [
        { name: 'csrfToken', value: 't&k', type: 'hidden' },
        { name: 'userId', value: '', type: 'text' },
        { name: 'password', value: '', type: 'password' },
      ],
      buttons: [],
      inputNames: ['userId', 'password'],
    });
    expect(grant!.buttons).toEqual([
      { name: 'decision', value: 'grant' },
      { name: 'decision', value: 'deny' },
    ]);
  });

  it('keeps only checked radios and checkboxes', () => {
    const [form] = parseForms('<form><input type="radio" name="method" value="sms"><input type="radio" name="method" value="app" checked></form>');
    expect(form!.fields).toEqual([{ name: 'method', value: 'app', type: 'radio' }]);
    expect(form!.method).toBe('GET');
  });

  it('reads the out-of-band page: its title and the code by its data-testid', () => {
    const html = '<title>code=abc123</title><code id="authorisation-code" data-testid="authorisation-code">abc123</code>';
    expect(pageTitle(html)).toBe('code=abc123');
    expect(testIdText(html, 'authorisation-code')).toBe('abc123');
  });
});
