import { createRequire } from 'node:module';
import type * as Yaml from 'yaml';

/**
 * YAML, parsed by the `yaml` package loaded on first use: most starts read no YAML at all (the built-in personas
 * come from a parsed copy, config is often JSON or none), and bundled in, the package was ~260 KB compiled at every
 * start. The bundle leaves `createRequire` loads to node_modules (scripts/bundle-cli.mjs).
 */
export function parseYaml(text: string): unknown {
  const yaml = createRequire(import.meta.url)('yaml') as typeof Yaml;
  return yaml.parse(text);
}
