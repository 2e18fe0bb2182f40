/**
 * Produces the syntax tree of a document for bug reports by running the same server binary as a
 * CLI: `dockerlsp parse - --format tree`, with the editor's text (saved or not) on standard input.
 * Plain Node, no VS Code imports, so it is tested against a stand-in executable.
 */
import { spawn } from 'node:child_process';

export interface SyntaxTreeResult {
  readonly tree: string;
  /** Syntax diagnostics the CLI printed on stderr (exit 1 means "the tree has errors", not failure). */
  readonly diagnostics: string;
}

export class SyntaxTreeError extends Error {}

/** Runs `<command> <args...> parse - --format tree`; resolves on exit 0 or 1, rejects otherwise. */
export function renderSyntaxTree(command: string, args: readonly string[], text: string, timeoutMs = 20_000): Promise<SyntaxTreeResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args, 'parse', '-', '--format', 'tree'], { stdio: ['pipe', 'pipe', 'pipe'], windowsHide: true });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    const timer = setTimeout(() => {
      child.kill();
      reject(new SyntaxTreeError(`${command} parse did not finish within ${timeoutMs / 1000} s`));
    }, timeoutMs);
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', (e) => {
      clearTimeout(timer);
      reject(new SyntaxTreeError(`could not run ${command}: ${e.message}`));
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      const stderr = Buffer.concat(err).toString('utf8');
      if (code === 0 || code === 1) {
        resolve({ tree: Buffer.concat(out).toString('utf8'), diagnostics: stderr });
      } else {
        reject(new SyntaxTreeError(`${command} parse exited with code ${String(code)}: ${stderr.trim() || '(no output)'}`));
      }
    });
    // A server that exits before reading stdin (old build without `parse`) must not crash the extension host.
    child.stdin.on('error', () => undefined);
    child.stdin.end(text, 'utf8');
  });
}

/** The text of the read-only document shown to the user: a header that makes bug reports self-describing. */
export function formatSyntaxTreeDocument(fileName: string, result: SyntaxTreeResult): string {
  const header = `# DockerLsp syntax tree of ${fileName}\n# (dockerlsp parse - --format tree; paste this into bug reports)\n\n`;
  const diagnostics = result.diagnostics.trim().length > 0 ? `\n# Syntax diagnostics\n${result.diagnostics.trim()}\n` : '';
  return header + result.tree + (result.tree.endsWith('\n') ? '' : '\n') + diagnostics;
}
