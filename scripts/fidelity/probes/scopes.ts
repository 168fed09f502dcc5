import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCOPES } from '../../../emulator/oauth/scopes.js';
import type { Probe } from '../probe.js';

/**
 * The emulator's scope catalogue against HMRC's master list (hmrc/api-scope `conf/scopes.json`): every scope the
 * emulator knows must exist there with the same name (shown on the grant page) and the same confidence level.
 */
interface HmrcScope {
  key: string;
  name: string;
  confidenceLevel?: number;
}

const probes: Probe[] = [
  {
    name: 'Scopes: every scope in emulator/oauth/scopes.ts is in HMRC scopes.json with the same name and confidence level',
    async run(env) {
      const hmrc = JSON.parse(readFileSync(join(env.specs, 'scopes/scopes.json'), 'utf8')) as HmrcScope[];
      const byKey = new Map(hmrc.map((s) => [s.key, s]));
      const problems = SCOPES.flatMap((scope) => {
        const theirs = byKey.get(scope.key);
        if (!theirs) return [`${scope.key}: not in HMRC's scopes.json`];
        const out: string[] = [];
        if (theirs.name !== scope.name) out.push(`${scope.key}: name ${JSON.stringify(scope.name)}, HMRC's is ${JSON.stringify(theirs.name)}`);
        if (theirs.confidenceLevel !== scope.confidenceLevel) out.push(`${scope.key}: confidence level ${scope.confidenceLevel ?? 'none'}, HMRC's is ${theirs.confidenceLevel ?? 'none'}`);
        return out;
      });
      return { body: SCOPES, schema: null, problems };
    },
  },
];

export default probes;
