// Packaging test: the .vsix built by `npm run package` holds the bundled extension, the server for
// its target (executable, and it runs), README, LICENSE, CHANGELOG and images, and nothing from
// node_modules or the sources. The package under test is $DOCKERLSP_VSIX, else the newest out/*.vsix.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { listZip, readZipEntry } from './zip.mjs';

const root = resolve(import.meta.dirname, '../..');
function findVsix() {
  if (process.env.DOCKERLSP_VSIX) return resolve(process.env.DOCKERLSP_VSIX);
  const out = join(root, 'out');
  const files = readdirSync(out).filter((f) => f.endsWith('.vsix')).map((f) => join(out, f));
  assert.ok(files.length > 0, 'no .vsix in out/: run `npm run package` first');
  return files.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
}
const vsix = findVsix();
const entries = listZip(vsix);
const names = entries.map((e) => e.name);
const manifestXml = readZipEntry(vsix, entries.find((e) => e.name === 'extension.vsixmanifest')).toString('utf8');
const target = /TargetPlatform="([^"]+)"/.exec(manifestXml)?.[1];
const exeName = target?.startsWith('win32-') ? 'dockerlsp.exe' : 'dockerlsp';

describe(`package ${vsix.slice(root.length + 1)}`, () => {
  it('is platform-specific', () => {
    assert.ok(target, 'the manifest names no TargetPlatform: package with --target');
  });

  it('contains the bundled extension, the manifest and the Marketplace files', () => {
    for (const f of ['extension/package.json', 'extension/dist/extension.js', 'extension/readme.md', 'extension/changelog.md', 'extension/LICENSE.txt', 'extension/images/icon.png']) {
      assert.ok(names.includes(f), `${f} missing; entries: ${names.join(', ')}`);
    }
  });

  it('contains the server for its target, executable', () => {
    const server = entries.find((e) => e.name === `extension/server/${exeName}`);
    assert.ok(server, `extension/server/${exeName} missing`);
    assert.ok(server.size > 1_000_000, 'the server is suspiciously small');
    if (!target.startsWith('win32-')) assert.equal(server.mode & 0o111, 0o111, `mode ${server.mode.toString(8)} is not executable`);
  });

  it('ships nothing from node_modules, sources, tests, scripts or build leftovers', () => {
    const forbidden = /(^|\/)(node_modules|src|test|scripts|out)\/|\.ts$|\.map$|tsconfig|\.vscodeignore|package-lock\.json|\.pdb$|\.dbg$|\.vsix$/;
    const bad = names.filter((n) => n.startsWith('extension/') && forbidden.test(n.slice('extension/'.length)));
    assert.deepEqual(bad, []);
  });

  it('keeps only the server, the bundle and the page files (no stray files)', () => {
    const allowed = /^(extension\.vsixmanifest|\[Content_Types\]\.xml|extension\/(package\.json|readme\.md|changelog\.md|LICENSE\.txt|dist\/extension\.js|images\/[^/]+\.png|server\/.+))$/;
    assert.deepEqual(names.filter((n) => !allowed.test(n)), []);
  });

  it('ships a server that runs on this machine (when it is the host target)', (t) => {
    const host = `${process.platform}-${process.arch}`;
    if (target !== host) return t.skip(`target ${target} is not the host ${host}`);
    const dir = mkdtempSync(join(tmpdir(), 'dockerlsp-vsix-'));
    const exe = join(dir, exeName);
    writeFileSync(exe, readZipEntry(vsix, entries.find((e) => e.name === `extension/server/${exeName}`)));
    chmodSync(exe, 0o755);
    const tree = execFileSync(exe, ['parse', '-', '--format', 'tree'], { input: 'FROM alpine:3.20\nCMD echo hi\n', encoding: 'utf8', timeout: 30_000 });
    assert.match(tree, /FROM/);
  });
});
