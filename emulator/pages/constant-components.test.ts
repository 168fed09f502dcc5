import nunjucks from 'nunjucks';
import { describe, expect, it } from 'vitest';
import { addConstantComponents } from './constant-components.js';
import { GOVUK_FRONTEND_DIST } from './pages.js';

function environment(): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(GOVUK_FRONTEND_DIST), { autoescape: true });
  env.addGlobal('govukRebrand', true);
  addConstantComponents(env);
  return env;
}

describe('govukOnce', () => {
  const cases: Array<[string, string, Record<string, unknown>]> = [
    ['header', 'govukHeader', { rebrand: true }],
    ['service-navigation', 'govukServiceNavigation', { serviceName: 'Manage <b>your</b> "software"' }],
    ['phase-banner', 'govukPhaseBanner', { tag: { text: 'Emulator' }, text: '<script>x</script>', attributes: { 'data-testid': 'banner' } }],
    ['footer', 'govukFooter', { rebrand: true }],
  ];

  it.each(cases)('renders %s exactly as the macro does, its parameters escaped, the first time and every time after', (name, macro, params) => {
    const env = environment();
    const direct = env.renderString(`{% from "govuk/components/${name}/macro.njk" import ${macro} %}{{ ${macro}(params) }}`, { params });
    const first = env.renderString(`{{ govukOnce(name, params) }}`, { name, params });
    const again = env.renderString(`{{ govukOnce(name, params) }}`, { name, params });
    expect(direct.length).toBeGreaterThan(100);
    expect(first).toBe(direct);
    expect(again).toBe(direct);
    expect(first).not.toContain('<script>');
    expect(first).not.toContain('<b>your</b>');
  });

  it('renders afresh for other parameters', () => {
    const env = environment();
    const a = env.renderString(`{{ govukOnce("service-navigation", { serviceName: "A service" }) }}`, {});
    const b = env.renderString(`{{ govukOnce("service-navigation", { serviceName: "B service" }) }}`, {});
    expect(a).toContain('A service');
    expect(b).toContain('B service');
    expect(b).not.toContain('A service');
  });

  it('refuses a name that is not a component name', () => {
    const env = environment();
    expect(() => env.renderString(`{{ govukOnce("../../x", {}) }}`, {})).toThrow(/not a GOV.UK component name/);
  });

  it('renders parameters that are not plain data every time, as the macro does', () => {
    const env = environment();
    // A date and its ISO string have the same JSON, and render differently.
    for (const serviceName of [new Date(0), new Date(0).toISOString(), new nunjucks.runtime.SafeString('<b>Safe</b>'), undefined]) {
      const params = { serviceName };
      const direct = env.renderString(`{% from "govuk/components/service-navigation/macro.njk" import govukServiceNavigation %}{{ govukServiceNavigation(params) }}`, { params });
      expect(env.renderString(`{{ govukOnce("service-navigation", params) }}`, { params })).toBe(direct);
    }
  });
});
