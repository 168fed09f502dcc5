// Bundles the built CLI (`dist/cli/main.js`, tsc's output) into `dist/bundle/`, the file `hmrc-sandbox`
// runs. Loading ~400 separate ES modules was most of the emulator's cold start; one file loads in about half the
// time (docs/benchmarks.md, "Why the CLI is bundled"). Run by `npm run build` after tsc.
//
//   node scripts/bundle-cli.mjs            write dist/bundle/cli.mjs (+ chunks and source maps)
//
// Kept out of the bundle, loaded from node_modules when needed: playwright-core (the conformance kit's browser,
// imported only when that user agent is chosen), better-sqlite3 (a native addon, found beside its package; loaded
// only for a data directory), whatever the code loads with `createRequire` (ajv), and iconv-lite
// (body-parser's; its half a megabyte of encoding tables is read only for a body that is not UTF-8, but in the
// bundle it would be read at every start: about 5 ms).
// `import()`s become separate chunks (`--splitting`), so `serve` never reads the conformance kit's code.
//
// Modules that find files beside themselves (templates, fixtures/, the reference vendor's config, node_modules
// through createRequire, yargs' locales) read `import.meta.url`. In a bundle that would be the bundle's URL for
// every module, so each module keeps its own: `import.meta.url` becomes the URL of the file it was bundled from
// (for the project's modules, the file tsc built in dist/). Every output file sits in dist/bundle/ itself, so one
// relative path holds whichever chunk a module lands in.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parse as parseYaml } from 'yaml';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const OUT_DIR = `${ROOT}dist/bundle`;

/** `import.meta.url` in a bundled module → the URL of the file it was bundled from. */
const ownModuleUrls = {
  name: 'own-module-urls',
  setup(b) {
    b.onLoad({ filter: /\.m?js$/ }, async ({ path }) => {
      const source = await readFile(path, 'utf8');
      if (!source.includes('import.meta.url')) return undefined;
      const fromBundle = relative(OUT_DIR, path).split('\\').join('/');
      return { contents: source.replaceAll('import.meta.url', `new URL(${JSON.stringify(fromBundle)}, import.meta.url).href`), loader: 'js' };
    });
  },
};

// Chunk names carry a content hash: start from an empty folder so old chunks do not pile up.
rmSync(OUT_DIR, { recursive: true, force: true });

await build({
  absWorkingDir: ROOT,
  entryPoints: { cli: 'dist/cli/main.js' },
  outdir: OUT_DIR,
  outExtension: { '.js': '.mjs' },
  chunkNames: '[name]-[hash]',
  bundle: true,
  splitting: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  external: ['playwright-core', 'iconv-lite', 'better-sqlite3'],
  plugins: [ownModuleUrls],
  // The CommonJS packages bundled in (express, nunjucks, …) call `require` for Node's built-ins.
  banner: { js: "import { createRequire as __bundleRequire } from 'node:module'; const require = __bundleRequire(import.meta.url);" },
  logLevel: 'warning',
});

// V8 keeps a script's source for as long as it runs, one byte per character if every character is ASCII, two if
// a single one is not: 3 MB more heap for the main chunk. esbuild escapes non-ASCII characters in code but keeps
// the comments it preserves (JSDoc on class members) as they are, so those characters become `?` (same length, so
// the source maps still line up). Anything non-ASCII outside a comment line stops the build.
for (const file of readdirSync(OUT_DIR).filter((f) => f.endsWith('.mjs'))) {
  const path = `${OUT_DIR}/${file}`;
  const lines = readFileSync(path, 'utf8').split('\n');
  let changed = false;
  lines.forEach((line, i) => {
    if (!/[\u0080-\uffff]/.test(line)) return;
    if (!/^\s*(\/\/|\/\*|\*)/.test(line)) throw new Error(`${file}:${i + 1}: a non-ASCII character outside a comment: ${line.trim().slice(0, 120)}`);
    lines[i] = line.replace(/[\u0080-\uffff]/g, '?');
    changed = true;
  });
  if (changed) writeFileSync(path, lines.join('\n'));
}

// The built-in personas, parsed, named by the hash of the YAML they came from: emulator/accounts/personas.ts reads
// this copy instead of parsing YAML at every start (about 10 ms), and only while the YAML is unchanged.
const personasYaml = readFileSync(`${ROOT}fixtures/personas.yaml`, 'utf8');
const cacheDir = `${ROOT}dist/yaml-cache`;
rmSync(cacheDir, { recursive: true, force: true });
mkdirSync(cacheDir, { recursive: true });
writeFileSync(`${cacheDir}/${createHash('sha256').update(personasYaml).digest('hex')}.json`, JSON.stringify(parseYaml(personasYaml)));
