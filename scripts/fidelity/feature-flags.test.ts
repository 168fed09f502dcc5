import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { renderFeatureFlags } from './feature-flags.js';

describe('renderFeatureFlags', () => {
  it('keeps an enabled feature and drops the "[Test only]" marker of a released one', () => {
    const json = `{
  "title": "{{#unless (releasedInProduction "r21")}}[Test only] {{/unless}}TY 2026-27 onwards",
  "properties": {
    "a": { "type": "number" },
    {{#if (enabled 'r22_fya_docs')}}
    "fya": { "type": "number" },
    {{/if}}
    "b": { "type": "string" }
  }
}`;
    expect(JSON.parse(renderFeatureFlags(json))).toEqual({ title: 'TY 2026-27 onwards', properties: { a: { type: 'number' }, fya: { type: 'number' }, b: { type: 'string' } } });
  });

  it('takes the {{else}} branch of an {{#if}} only when the flag is off', () => {
    const text = `"title": {{#if (enabled 'x')}} "new" {{else}} "old" {{/if}},`;
    expect(renderFeatureFlags(text)).toBe(`"title":  "new" ,`);
    expect(renderFeatureFlags(text, { enabled: () => false, releasedInProduction: () => false })).toBe(`"title":  "old" ,`);
  });

  it('removes standalone directive lines so that YAML keeps its indentation', () => {
    const yaml = `examples:
  one:
    value: 1
  {{#if (enabled 'x')}}
  "Renamed":
  {{else}}
  "Old name":
  {{/if}}
    value: 2
`;
    expect(parseYaml(renderFeatureFlags(yaml))).toEqual({ examples: { one: { value: 1 }, Renamed: { value: 2 } } });
  });

  it('shows what is not yet released when asked to render as before release', () => {
    const text = `{{#unless (releasedInProduction 'x')}}[Test only] {{/unless}}Field`;
    expect(renderFeatureFlags(text, { enabled: () => true, releasedInProduction: () => false })).toBe('[Test only] Field');
  });

  it('renders nested blocks', () => {
    expect(renderFeatureFlags(`a{{#if (enabled 'x')}}b{{#unless (releasedInProduction 'y')}}c{{/unless}}d{{/if}}e`)).toBe('abde');
  });

  it('leaves text without directives untouched', () => {
    expect(renderFeatureFlags('pattern: "^[A-Z]{2}$"')).toBe('pattern: "^[A-Z]{2}$"');
  });

  it('refuses unbalanced blocks and directives it does not know, naming the line', () => {
    expect(() => renderFeatureFlags(`a\n{{#if (enabled 'x')}}\nb`)).toThrow(/never closed/);
    expect(() => renderFeatureFlags(`a\n{{/unless}}`)).toThrow(/line 2/);
    expect(() => renderFeatureFlags(`{{#if (enabled 'x')}}{{/unless}}`)).toThrow(/does not close/);
    expect(() => renderFeatureFlags(`{{name}}`)).toThrow(/unsupported Handlebars directive \{\{name\}\}/);
    expect(() => renderFeatureFlags(`{{else}}`)).toThrow(/outside/);
  });
});
