/** Rule documentation: which diagnostic the cursor means, and which page to open. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RULE_DOCS_BASE, diagnosticAt, ruleDocumentationUrl, type DiagnosticLike } from '../../src/ruleDocs';

const d = (line: number, from: number, to: number, code: DiagnosticLike['code'], source = 'dockerlsp', endLine = line): DiagnosticLike => ({
  range: { start: { line, character: from }, end: { line: endLine, character: to } },
  code,
  source,
});

describe('diagnosticAt', () => {
  it('picks the narrowest of our diagnostics containing the cursor', () => {
    const wide = d(2, 0, 40, 'DF301');
    const narrow = d(2, 4, 10, 'DF201');
    assert.equal(diagnosticAt([wide, narrow], { line: 2, character: 5 }), narrow);
  });

  it('prefers a one-line range over a multi-line one', () => {
    const multi = d(1, 0, 2, 'DF301', 'dockerlsp', 3);
    const single = d(2, 0, 80, 'DF201');
    assert.equal(diagnosticAt([multi, single], { line: 2, character: 3 }), single);
  });

  it('ignores other sources and diagnostics without a code', () => {
    const other = d(0, 0, 10, 'DL3006', 'hadolint');
    const noCode = d(0, 0, 10, undefined);
    assert.equal(diagnosticAt([other, noCode], { line: 0, character: 2 }), undefined);
  });

  it('falls back to a diagnostic on the cursor line when the cursor is just past it', () => {
    const diag = d(4, 0, 5, 'DF201');
    assert.equal(diagnosticAt([diag], { line: 4, character: 30 }), diag);
    assert.equal(diagnosticAt([diag], { line: 5, character: 0 }), undefined);
  });

  it('accepts the source spelled DockerLsp or docker-lsp', () => {
    assert.ok(diagnosticAt([d(0, 0, 3, 'DF201', 'DockerLsp')], { line: 0, character: 1 }));
    assert.ok(diagnosticAt([d(0, 0, 3, 'DF201', 'docker-lsp')], { line: 0, character: 1 }));
  });
});

describe('ruleDocumentationUrl', () => {
  it('uses the link the server attached (codeDescription.href)', () => {
    const diag = d(0, 0, 1, { value: 'DF201', target: { toString: () => 'https://example.test/DF201' } });
    assert.equal(ruleDocumentationUrl(diag), 'https://example.test/DF201');
  });

  it('builds the repository page from the ID otherwise', () => {
    assert.equal(ruleDocumentationUrl(d(0, 0, 1, 'df201')), `${DEFAULT_RULE_DOCS_BASE}DF201.md`);
    assert.equal(ruleDocumentationUrl(d(0, 0, 1, 'DF201'), 'https://docs.test/rules'), 'https://docs.test/rules/DF201.md');
  });

  it('has no page for codes that are not rule IDs', () => {
    assert.equal(ruleDocumentationUrl(d(0, 0, 1, 'not a rule')), undefined);
    assert.equal(ruleDocumentationUrl(d(0, 0, 1, undefined)), undefined);
  });
});
