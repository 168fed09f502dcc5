// `npm start`'s build step, saying what it does: compiles the TypeScript and bundles the CLI (`npm run build`).
import { execSync } from 'node:child_process';

const started = performance.now();
console.error('Building the emulator (TypeScript, then one bundled CLI file): about half a minute…');
execSync('npm run build --silent', { stdio: 'inherit' });
console.error(`Built in ${Math.round((performance.now() - started) / 1000)} s. Starting…`);
