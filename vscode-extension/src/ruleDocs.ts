/**
 * Finds the DockerLsp diagnostic under the cursor and the documentation page of its rule.
 * Works on the structural shape of vscode.Diagnostic so it is unit-tested without VS Code.
 */

export interface PositionLike { readonly line: number; readonly character: number }
export interface RangeLike { readonly start: PositionLike; readonly end: PositionLike }
/** vscode.Diagnostic's `code`: a bare value, or a value with a link (LSP `codeDescription.href`). */
export type DiagnosticCodeLike = string | number | { readonly value: string | number; readonly target: { toString(): string } } | undefined;
export interface DiagnosticLike { readonly range: RangeLike; readonly code?: DiagnosticCodeLike; readonly source?: string | undefined }

/** Where rule pages live when a diagnostic carries no link of its own (matches the server's HelpBaseUri). */
export const DEFAULT_RULE_DOCS_BASE = 'https://github.com/dockerlsp/dockerlsp/blob/main/docs/rules/';

/** Our diagnostics are the ones whose source is DockerLsp's (case-insensitive: servers differ on spelling). */
export function isDockerLspDiagnostic(d: DiagnosticLike): boolean {
  return (d.source ?? '').toLowerCase().replace(/[^a-z]/g, '') === 'dockerlsp';
}

export function ruleId(d: DiagnosticLike): string | undefined {
  const code = d.code;
  if (code === undefined) return undefined;
  return String(typeof code === 'object' ? code.value : code);
}

function compare(a: PositionLike, b: PositionLike): number {
  return a.line !== b.line ? a.line - b.line : a.character - b.character;
}

function contains(r: RangeLike, p: PositionLike): boolean {
  return compare(r.start, p) <= 0 && compare(p, r.end) <= 0;
}

function size(r: RangeLike): number {
  // Lines dominate: a one-line range is always narrower than a multi-line one.
  return (r.end.line - r.start.line) * 1_000_000 + (r.end.character - r.start.character);
}

/**
 * The diagnostic the user means: the narrowest of ours whose range contains the cursor, else the
 * first of ours on the cursor's line (the cursor is often just past a squiggle's end).
 */
export function diagnosticAt<T extends DiagnosticLike>(diagnostics: readonly T[], cursor: PositionLike): T | undefined {
  const ours = diagnostics.filter((d) => isDockerLspDiagnostic(d) && ruleId(d) !== undefined);
  const containing = ours.filter((d) => contains(d.range, cursor)).sort((a, b) => size(a.range) - size(b.range));
  if (containing.length > 0) return containing[0];
  return ours.find((d) => d.range.start.line <= cursor.line && cursor.line <= d.range.end.line);
}

/** The page to open: the diagnostic's own link when the server sent one, else `<base><ID>.md`. */
export function ruleDocumentationUrl(d: DiagnosticLike, base: string = DEFAULT_RULE_DOCS_BASE): string | undefined {
  const code = d.code;
  if (code !== undefined && typeof code === 'object') {
    const target = code.target.toString();
    if (target.length > 0) return target;
  }
  const id = ruleId(d);
  if (id === undefined || !/^[A-Za-z]+[0-9]+$/.test(id)) return undefined;
  return `${base.endsWith('/') ? base : base + '/'}${id.toUpperCase()}.md`;
}
