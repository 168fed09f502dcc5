import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { parseYaml } from '../config/yaml.js';
import type { AffinityGroup } from './account.js';

/**
 * Named persona definitions: the built-in `fixtures/personas.yaml` plus, optionally, the file named by the
 * `fixturesFile` option (JSON or YAML, same schema: `fixtures/personas.schema.json`). A definition says who the
 * persona is; seed.ts generates the rest. A bad file fails start-up with an error naming the file and the bad path.
 */
export interface PersonaDefinition {
  name: string;
  affinityGroup: AffinityGroup;
  serviceNames?: string[];
  confidenceLevel?: 50 | 200 | 250;
  twoStepVerification?: 'text' | 'voice' | 'app';
  journey?: 'sandbox' | 'production';
  locked?: boolean;
  userId?: string;
  password?: string;
  description: string;
}

export class PersonaFixturesError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PersonaFixturesError';
  }
}

const FIXTURES_DIR = findFixturesDir();

type Validate = ((data: unknown) => data is { personas: PersonaDefinition[] }) & { errors?: Array<{ instancePath: string; message?: string; params: object }> | null };

/**
 * The schema validator, built only when a file needs checking: ajv costs ~120 ms of start-up, and the
 * built-in file is checked by the test suite (personas.test.ts), so a plain start never loads it.
 */
function personaValidator(): Validate {
  const { default: Ajv } = createRequire(import.meta.url)('ajv') as { default: new (o: object) => { compile(schema: object): Validate } };
  const schema = JSON.parse(readFileSync(resolve(FIXTURES_DIR, 'personas.schema.json'), 'utf8')) as object;
  return new Ajv({ allErrors: true, strict: true }).compile(schema);
}

export const BUILT_IN = resolve(FIXTURES_DIR, 'personas.yaml');

/** Reads one persona file, validating it against the schema unless it is the (test-validated) built-in one. */
export function loadPersonaFile(file: string, trusted = false): PersonaDefinition[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new PersonaFixturesError(`fixtures file ${file}: cannot be read (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`);
  }
  let data: unknown;
  try {
    data = extname(file).toLowerCase() === '.json' ? JSON.parse(text) : parseYamlOrCopy(text);
  } catch (e) {
    throw new PersonaFixturesError(`fixtures file ${file}: not valid ${extname(file).toLowerCase() === '.json' ? 'JSON' : 'YAML'}: ${(e as Error).message}`);
  }
  const validate = trusted ? undefined : personaValidator();
  if (validate && !validate(data)) {
    const problems = (validate.errors ?? []).map((err) => {
      const where = err.instancePath || '/';
      const allowed = (err.params as { allowedValues?: unknown[] }).allowedValues;
      const extra = (err.params as { additionalProperty?: string }).additionalProperty;
      return `${where} ${err.message ?? 'is invalid'}${allowed ? ` (${allowed.join(', ')})` : ''}${extra ? ` ("${extra}")` : ''}`;
    });
    throw new PersonaFixturesError(`fixtures file ${file}: ${problems.join('; ')}`);
  }
  const { personas } = data as { personas: PersonaDefinition[] };
  const seen = new Set<string>();
  personas.forEach((p, i) => {
    if (seen.has(p.name)) throw new PersonaFixturesError(`fixtures file ${file}: /personas/${i}/name "${p.name}" is declared twice`);
    seen.add(p.name);
  });
  return personas;
}

/**
 * `npm run build` saves the built-in file, parsed, as `dist/yaml-cache/<sha256 of the YAML>.json`
 * (scripts/bundle-cli.mjs): parsing 3 KB of YAML with cold code took about 10 ms of start-up. The copy is used only
 * when its name matches the text being read, so an edited file is always parsed afresh.
 */
function parseYamlOrCopy(text: string): unknown {
  const copy = resolve(FIXTURES_DIR, '../dist/yaml-cache', `${createHash('sha256').update(text).digest('hex')}.json`);
  if (existsSync(copy)) return JSON.parse(readFileSync(copy, 'utf8')) as unknown;
  return parseYaml(text);
}

/** The built-in personas, then those of `fixturesFile`; a name may not repeat a built-in one. */
export function loadPersonaDefinitions(fixturesFile: string | undefined): Array<{ definition: PersonaDefinition; path: string }> {
  const builtIn = loadPersonaFile(BUILT_IN, true).map((definition, i) => ({ definition, path: `${BUILT_IN}: /personas/${i}` }));
  if (!fixturesFile) return builtIn;
  const names = new Set(builtIn.map((p) => p.definition.name));
  const extra = loadPersonaFile(fixturesFile).map((definition, i) => {
    if (names.has(definition.name)) throw new PersonaFixturesError(`fixtures file ${fixturesFile}: /personas/${i}/name "${definition.name}" is already a built-in persona; choose another name`);
    return { definition, path: `${fixturesFile}: /personas/${i}` };
  });
  return [...builtIn, ...extra];
}

/** `fixtures/` sits at the package root: two levels above this module in the source tree, three in `dist/`. */
function findFixturesDir(): string {
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../..', '../../..']) {
    const dir = resolve(here, up, 'fixtures');
    if (existsSync(resolve(dir, 'personas.yaml'))) return dir;
  }
  throw new Error(`fixtures/personas.yaml not found above ${here}`);
}
