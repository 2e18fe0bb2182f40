// Bundles the extension into dist/extension.js with esbuild (vscode is provided by the host).
import { build } from 'esbuild';

await build({
  entryPoints: ['src/extension.ts'],
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node18',
  external: ['vscode'],
  outfile: 'dist/extension.js',
  minify: process.argv.includes('--minify'),
  sourcemap: false,
  logLevel: 'warning',
});
