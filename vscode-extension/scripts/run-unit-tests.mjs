// Compiles the unit tests (TypeScript, importing the extension's pure modules) with esbuild into
// out/unit/ and runs them with Node's built-in test runner. Tests never import 'vscode': the logic
// under test is kept in modules that do not need it.
import { spawnSync } from 'node:child_process';
import { readdirSync, rmSync } from 'node:fs';
import { build } from 'esbuild';

const entryPoints = readdirSync('test/unit').filter((f) => f.endsWith('.test.ts')).map((f) => `test/unit/${f}`);
rmSync('out/unit', { recursive: true, force: true });
await build({ entryPoints, bundle: true, platform: 'node', format: 'esm', target: 'node20', outdir: 'out/unit', outExtension: { '.js': '.mjs' }, external: ['vscode'], logLevel: 'warning' });
const files = entryPoints.map((e) => e.replace(/^test\/unit\/(.*)\.ts$/, 'out/unit/$1.mjs'));
const result = spawnSync(process.execPath, ['--test', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
