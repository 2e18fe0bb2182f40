/** Syntax tree command: runs `<server> parse - --format tree` with the text on stdin. */
import assert from 'node:assert/strict';
import { chmodSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { formatSyntaxTreeDocument, renderSyntaxTree, SyntaxTreeError } from '../../src/syntaxTree';

/** A stand-in for dockerlsp: prints its arguments and stdin, writes to stderr, exits with $FAKE_EXIT. */
function fakeServer(exitCode: number): string {
  const dir = mkdtempSync(join(tmpdir(), 'dockerlsp-fake-'));
  const file = join(dir, 'dockerlsp');
  writeFileSync(file, `#!/bin/sh\necho "args: $*"\ncat\necho "Dockerfile(1,1): error DF100: oops" >&2\nexit ${exitCode}\n`);
  chmodSync(file, 0o755);
  return file;
}

describe('renderSyntaxTree', () => {
  it('passes the parse arguments after the launch arguments and the text on stdin', async () => {
    const r = await renderSyntaxTree(fakeServer(0), ['--extra'], 'FROM alpine\n');
    assert.equal(r.tree, 'args: --extra parse - --format tree\nFROM alpine\n');
    assert.match(r.diagnostics, /DF100/);
  });

  it('treats exit 1 (the tree has syntax errors) as a result', async () => {
    const r = await renderSyntaxTree(fakeServer(1), [], 'FRM alpine\n');
    assert.match(r.tree, /FRM alpine/);
  });

  it('rejects with the stderr text on other exit codes', async () => {
    await assert.rejects(renderSyntaxTree(fakeServer(2), [], ''), (e: unknown) => e instanceof SyntaxTreeError && /exited with code 2: .*DF100/.test(e.message));
  });

  it('rejects when the executable cannot be started', async () => {
    await assert.rejects(renderSyntaxTree('/nonexistent/dockerlsp', [], ''), /could not run/);
  });

  it('rejects on timeout', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'dockerlsp-slow-'));
    const file = join(dir, 'dockerlsp');
    writeFileSync(file, '#!/bin/sh\nexec sleep 5\n');
    chmodSync(file, 0o755);
    await assert.rejects(renderSyntaxTree(file, [], '', 200), /did not finish/);
  });
});

describe('formatSyntaxTreeDocument', () => {
  it('adds a header and the syntax diagnostics', () => {
    const text = formatSyntaxTreeDocument('Dockerfile', { tree: 'Root', diagnostics: 'x: error\n' });
    assert.equal(text, '# DockerLsp syntax tree of Dockerfile\n# (dockerlsp parse - --format tree; paste this into bug reports)\n\nRoot\n\n# Syntax diagnostics\nx: error\n');
  });
});
