import { describe, expect, it } from 'vitest';
import { nodeRuntimeNote } from './startup-banner.js';

describe('the start-up banner’s Node.js note', () => {
  it('explains oidc-provider’s warning on Node.js 20 and names the supported versions', () => {
    const note = nodeRuntimeNote('20.19.0').join('\n');
    expect(note).toContain('Unsupported runtime');
    expect(note).toContain('Supported: Node.js 22 and 24');
  });

  it.each(['22.12.0', '24.1.0'])('says nothing on Node.js %s', (version) => {
    expect(nodeRuntimeNote(version)).toEqual([]);
  });
});
