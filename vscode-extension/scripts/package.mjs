// Builds platform-specific .vsix packages: publishes a self-contained `dockerlsp` for each target
// into server/, then runs `vsce package --target`. One target at a time, because server/ holds
// exactly the server of the package being built.
//
//   node scripts/package.mjs                          # the host's target (linux-x64 here)
//   node scripts/package.mjs --target win32-x64 --target darwin-arm64
//   node scripts/package.mjs --all
//   options: --server-dir DIR   ship an existing publish folder instead of running dotnet publish
//            --no-r2r           plain IL (no ReadyToRun), for measuring startup
//            --out DIR          where the .vsix files go (default: out/)
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { TARGETS, executableFor, hostTarget, ridFor } from './targets.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const repo = resolve(root, '..');
const args = process.argv.slice(2);
const opt = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const targets = args.includes('--all')
  ? Object.keys(TARGETS)
  : args.flatMap((a, i) => (args[i - 1] === '--target' ? [a] : []));
if (targets.length === 0) targets.push(hostTarget(process.platform, process.arch, existsSync('/lib/ld-musl-x86_64.so.1')));
const outDir = resolve(root, opt('--out') ?? 'out');
const serverDirArg = opt('--server-dir');
const r2r = !args.includes('--no-r2r');
const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
const serverDir = join(root, 'server');
const REPO_URL = 'https://github.com/dockerlsp/dockerlsp';

const run = (cmd, cmdArgs, cwd = root) => {
  console.error(`$ ${cmd} ${cmdArgs.join(' ')}`);
  try {
    execFileSync(cmd, cmdArgs, { cwd, stdio: 'inherit' });
  } catch (error) {
    // The command already printed why; a Node stack trace would only bury it.
    console.error(`package: ${cmd} ${cmdArgs[0]} failed (${error.status !== null ? `exit ${error.status}` : error.signal ?? error.message})`);
    process.exit(1);
  }
};
const seconds = (t0) => ((Date.now() - t0) / 1000).toFixed(1);

mkdirSync(outDir, { recursive: true });
let t0 = Date.now();

for (const target of targets) {
  const rid = ridFor(target);
  rmSync(serverDir, { recursive: true, force: true });
  t0 = Date.now();
  if (serverDirArg !== undefined) {
    cpSync(resolve(serverDirArg), serverDir, { recursive: true });
  } else {
    run('dotnet', [
      'publish', join(repo, 'src/DockerLsp.Cli/DockerLsp.Cli.csproj'),
      '-c', 'Release', '-r', rid, '--self-contained', '-o', serverDir, '--nologo', '-v', 'quiet',
      // One file is easier to ship and to chmod; ReadyToRun trades size for a faster first request. Self-contained publishes
      // are trimmed (framework only) by default: see src/DockerLsp.Cli/DockerLsp.Cli.csproj.
      '-p:PublishSingleFile=true', `-p:PublishReadyToRun=${r2r}`, '-p:DebugType=none', '-p:GenerateDocumentationFile=false',
    ], repo);
  }
  const exe = join(serverDir, executableFor(target));
  if (!existsSync(exe)) throw new Error(`the server for ${target} was not produced: ${exe} is missing`);
  console.error(`server for ${target} (${rid}) ready in ${seconds(t0)} s, ${(statSync(exe).size / 1048576).toFixed(1)} MiB`);
  t0 = Date.now();
  const vsix = join(outDir, `dockerlsp-${target}-${version}.vsix`);
  // vsce runs vscode:prepublish (typecheck + esbuild bundle) itself. The README's relative links are
  // rewritten to the repository so that the Marketplace page shows the screenshots.
  run(join(root, 'node_modules/.bin/vsce'), [
    'package', '--no-dependencies', '--target', target, '--out', vsix,
    '--baseContentUrl', `${REPO_URL}/blob/main/vscode-extension/`, '--baseImagesUrl', `${REPO_URL}/raw/main/vscode-extension/`,
  ]);
  console.error(`packaged ${vsix} in ${seconds(t0)} s`);
}
