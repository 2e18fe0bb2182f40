/** Server path resolution: the setting (with ~, ${workspaceFolder}, folders, dlls) and the bundled binary. */
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { expandConfiguredPath, isServerPathError, resolveServer, type FileProbe, type ResolveInput, type ServerLaunch } from '../../src/serverPath';

/** An in-memory file system: path → 'dir' | 'exe' | 'file' (not executable). */
function fakeFs(entries: Record<string, 'dir' | 'exe' | 'file'>, chmodWorks = true): FileProbe & { chmodded: string[] } {
  const chmodded: string[] = [];
  return {
    chmodded,
    kind: (f) => (entries[f] === undefined ? undefined : entries[f] === 'dir' ? 'directory' : 'file'),
    isExecutable: (f) => entries[f] === 'exe',
    makeExecutable: (f) => {
      chmodded.push(f);
      if (chmodWorks) entries[f] = 'exe';
      return chmodWorks;
    },
  };
}

const base: ResolveInput = {
  configuredPath: '',
  extensionPath: '/ext',
  workspaceFolder: '/ws',
  homeDir: '/home/u',
  platform: 'linux',
  arch: 'x64',
};

function launch(r: ReturnType<typeof resolveServer>): ServerLaunch {
  if (isServerPathError(r)) assert.fail(`expected a launch, got error: ${r.error}`);
  return r;
}

function error(r: ReturnType<typeof resolveServer>): { error: string; settingRelated: boolean } {
  if (!isServerPathError(r)) assert.fail(`expected an error, got ${JSON.stringify(r)}`);
  return r;
}

describe('bundled server', () => {
  it('uses server/dockerlsp inside the extension when no path is configured', () => {
    const r = launch(resolveServer(base, fakeFs({ '/ext/server/dockerlsp': 'exe' })));
    assert.deepEqual(r, { command: '/ext/server/dockerlsp', args: [], source: 'bundled', file: '/ext/server/dockerlsp' });
  });

  it('treats a blank setting as unset', () => {
    const r = launch(resolveServer({ ...base, configuredPath: '   ' }, fakeFs({ '/ext/server/dockerlsp': 'exe' })));
    assert.equal(r.source, 'bundled');
  });

  it('restores the execute bit an unzip dropped', () => {
    const fs = fakeFs({ '/ext/server/dockerlsp': 'file' });
    const r = launch(resolveServer(base, fs));
    assert.equal(r.command, '/ext/server/dockerlsp');
    assert.deepEqual(fs.chmodded, ['/ext/server/dockerlsp']);
  });

  it('reports a bundled binary that cannot be made executable, suggesting a reinstall', () => {
    const e = error(resolveServer(base, fakeFs({ '/ext/server/dockerlsp': 'file' }, false)));
    assert.match(e.error, /not executable/);
    assert.match(e.error, /Reinstall/);
    assert.equal(e.settingRelated, false);
  });

  it('explains a package without a server for this platform and points at the setting', () => {
    const e = error(resolveServer({ ...base, platform: 'darwin', arch: 'arm64' }, fakeFs({})));
    assert.match(e.error, /no bundled language server for darwin-arm64/);
    assert.match(e.error, /dockerlsp\.server\.path/);
    assert.equal(e.settingRelated, true);
  });

  it('looks for dockerlsp.exe on Windows and does not require an execute bit there', () => {
    const ext = 'C:\\ext';
    const exe = path.join(ext, 'server', 'dockerlsp.exe');
    const r = launch(resolveServer({ ...base, platform: 'win32', extensionPath: ext }, fakeFs({ [exe]: 'file' })));
    assert.equal(r.command, exe);
  });
});

describe('dockerlsp.server.path', () => {
  it('uses an absolute executable as is', () => {
    const r = launch(resolveServer({ ...base, configuredPath: '/opt/dockerlsp/dockerlsp' }, fakeFs({ '/opt/dockerlsp/dockerlsp': 'exe' })));
    assert.deepEqual(r, { command: '/opt/dockerlsp/dockerlsp', args: [], source: 'setting', file: '/opt/dockerlsp/dockerlsp' });
  });

  it('expands ~ and ${userHome}', () => {
    assert.equal(launch(resolveServer({ ...base, configuredPath: '~/bin/dockerlsp' }, fakeFs({ '/home/u/bin/dockerlsp': 'exe' }))).command, '/home/u/bin/dockerlsp');
    assert.equal(launch(resolveServer({ ...base, configuredPath: '${userHome}/bin/dockerlsp' }, fakeFs({ '/home/u/bin/dockerlsp': 'exe' }))).command, '/home/u/bin/dockerlsp');
  });

  it('expands ${workspaceFolder} and anchors relative paths at the workspace folder', () => {
    const fs = fakeFs({ '/ws/tools/dockerlsp': 'exe' });
    assert.equal(launch(resolveServer({ ...base, configuredPath: '${workspaceFolder}/tools/dockerlsp' }, fs)).command, '/ws/tools/dockerlsp');
    assert.equal(launch(resolveServer({ ...base, configuredPath: 'tools/dockerlsp' }, fs)).command, '/ws/tools/dockerlsp');
  });

  it('refuses ${workspaceFolder} when no folder is open', () => {
    const e = error(resolveServer({ ...base, workspaceFolder: undefined, configuredPath: '${workspaceFolder}/x' }, fakeFs({})));
    assert.match(e.error, /no folder is open/);
  });

  it('runs a framework-dependent dockerlsp.dll with dotnet', () => {
    const r = launch(resolveServer({ ...base, configuredPath: '/src/bin/dockerlsp.dll' }, fakeFs({ '/src/bin/dockerlsp.dll': 'file' })));
    assert.deepEqual(r, { command: 'dotnet', args: ['/src/bin/dockerlsp.dll'], source: 'setting', file: '/src/bin/dockerlsp.dll' });
  });

  it('accepts a publish folder holding the executable, else the dll', () => {
    assert.equal(launch(resolveServer({ ...base, configuredPath: '/pub' }, fakeFs({ '/pub': 'dir', '/pub/dockerlsp': 'exe' }))).command, '/pub/dockerlsp');
    assert.deepEqual(launch(resolveServer({ ...base, configuredPath: '/pub' }, fakeFs({ '/pub': 'dir', '/pub/dockerlsp.dll': 'file' }))).args, ['/pub/dockerlsp.dll']);
    assert.match(error(resolveServer({ ...base, configuredPath: '/pub' }, fakeFs({ '/pub': 'dir' }))).error, /neither dockerlsp nor dockerlsp\.dll/);
  });

  it('reports a missing file with the raw and expanded path, and never falls back silently', () => {
    const e = error(resolveServer({ ...base, configuredPath: '~/nope' }, fakeFs({ '/ext/server/dockerlsp': 'exe' })));
    assert.match(e.error, /"~\/nope"/);
    assert.match(e.error, /\/home\/u\/nope does not exist/);
    assert.equal(e.settingRelated, true);
  });

  it('does not chmod the user\'s file; it tells them instead', () => {
    const fs = fakeFs({ '/opt/dockerlsp': 'file' });
    const e = error(resolveServer({ ...base, configuredPath: '/opt/dockerlsp' }, fs));
    assert.match(e.error, /chmod \+x/);
    assert.deepEqual(fs.chmodded, []);
  });
});

describe('expandConfiguredPath', () => {
  it('normalises the result', () => {
    assert.equal(expandConfiguredPath(' ./a/../b/dockerlsp ', '/ws', '/h'), '/ws/b/dockerlsp');
  });
  it('leaves a relative path relative when no folder is open', () => {
    assert.equal(expandConfiguredPath('bin/dockerlsp', undefined, '/h'), 'bin/dockerlsp');
  });
});
