/** Packaging targets: VS Code target names ↔ .NET runtime identifiers. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
// @ts-expect-error plain JavaScript module shared with the packaging script (no declaration file)
import { TARGETS, executableFor, hostTarget, ridFor } from '../../scripts/targets.mjs';

describe('targets', () => {
  it('maps every VS Code target to a .NET RID', () => {
    assert.equal(ridFor('linux-x64'), 'linux-x64');
    assert.equal(ridFor('alpine-arm64'), 'linux-musl-arm64');
    assert.equal(ridFor('darwin-arm64'), 'osx-arm64');
    assert.equal(ridFor('win32-x64'), 'win-x64');
    assert.equal(ridFor('linux-armhf'), 'linux-arm');
    assert.equal(Object.keys(TARGETS).length, 9);
  });

  it('rejects unknown targets with the list of valid ones', () => {
    assert.throws(() => ridFor('web'), /expected one of: linux-x64/);
  });

  it('derives the host target', () => {
    assert.equal(hostTarget('linux', 'x64', false), 'linux-x64');
    assert.equal(hostTarget('linux', 'x64', true), 'alpine-x64');
    assert.equal(hostTarget('linux', 'arm', false), 'linux-armhf');
    assert.equal(hostTarget('win32', 'arm64', false), 'win32-arm64');
    assert.throws(() => hostTarget('aix', 'ppc64', false));
  });

  it('names the Windows executable .exe', () => {
    assert.equal(executableFor('win32-x64'), 'dockerlsp.exe');
    assert.equal(executableFor('darwin-x64'), 'dockerlsp');
  });
});
