/** Command `dockerlsp.openRuleDocumentation`: opens the documentation page of the rule under the cursor. */
import * as vscode from 'vscode';
import { diagnosticAt, ruleDocumentationUrl, ruleId } from '../ruleDocs';

export async function openRuleDocumentation(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined) {
    void vscode.window.showInformationMessage('Open a Dockerfile and put the cursor on a DockerLsp diagnostic first.');
    return;
  }
  const diagnostics = vscode.languages.getDiagnostics(editor.document.uri);
  const diagnostic = diagnosticAt(diagnostics, editor.selection.active);
  const url = diagnostic === undefined ? undefined : ruleDocumentationUrl(diagnostic);
  if (diagnostic === undefined || url === undefined) {
    void vscode.window.showInformationMessage('There is no DockerLsp diagnostic under the cursor.');
    return;
  }
  const opened = await vscode.env.openExternal(vscode.Uri.parse(url));
  if (!opened) void vscode.window.showWarningMessage(`Could not open the documentation of ${ruleId(diagnostic) ?? 'the rule'}: ${url}`);
}
