// `npm run fuzz`: a seeded, bounded storm of generated requests against every route of the emulator, on loopback.
//
//   npm run fuzz                                   10,000 requests or 120 s, a random seed (printed)
//   npm run fuzz -- --seed 42 --runs 500           replay seed 42 for 500 requests
//   npm run fuzz -- --runs 60000 --seconds 900     the pre-release run (≥ 50,000 requests)
//   npm run fuzz -- --seconds 45 --skip-known-defects     what CI runs
//
// Exits 1 on any violation (a 5xx, a hang, a crash, memory above --max-rss-mb, a broken invariant afterwards),
// printing the request that showed it, as sent, with the answer.
import { parseArgs } from 'node:util';
import { KNOWN_DEFECTS } from './fuzz/requests.js';
import { DEFAULT_MAX_RSS_MB, runFuzz } from './fuzz/run-fuzz.js';

const { values } = parseArgs({
  options: {
    seed: { type: 'string' },
    runs: { type: 'string', default: '10000' },
    seconds: { type: 'string', default: '120' },
    'timeout-ms': { type: 'string', default: '5000' },
    'max-rss-mb': { type: 'string', default: String(DEFAULT_MAX_RSS_MB) },
    'skip-known-defects': { type: 'boolean', default: false },
  },
});
const number = (name: string, text: string): number => {
  const n = Number(text);
  if (!Number.isInteger(n) || n < 0) {
    console.error(`fuzz: --${name} must be a whole number, not ${JSON.stringify(text)}`);
    process.exit(2);
  }
  return n;
};
const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : number('seed', values.seed);
const exclude = values['skip-known-defects'] ? KNOWN_DEFECTS : [];
if (exclude.length) console.log(`fuzz: leaving out the generators of known defects: ${exclude.join(', ')}`);

const report = await runFuzz({
  seed,
  runs: number('runs', values.runs),
  seconds: number('seconds', values.seconds),
  timeoutMs: number('timeout-ms', values['timeout-ms']),
  maxRssMb: number('max-rss-mb', values['max-rss-mb']),
  exclude,
  log: (line) => console.log(line),
});
for (const v of report.violations) console.error(`\nVIOLATION ${v}`);
for (const [generator, statuses] of Object.entries(report.byGenerator)) console.log(`  ${generator.padEnd(24)} ${JSON.stringify(statuses)}`);
console.log(report.summary);
if (report.violations.length) console.error(`\nreplay: npm run fuzz -- --seed ${seed} --runs ${report.requests}`);
process.exit(report.violations.length ? 1 : 0);
