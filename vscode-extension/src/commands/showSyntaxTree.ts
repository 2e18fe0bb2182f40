/**
 * Command `dockerlsp.showSyntaxTree`: shows the full-fidelity syntax tree of the current Dockerfile
 * (including unsaved edits) beside it, ready to paste into a bug report.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServerController } from '../serverController';
import { isServerPathError } from '../serverPath';
import { formatSyntaxTreeDocument, renderSyntaxTree } from '../syntaxTree';

export async function showSyntaxTree(controller: ServerController): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor === undefined || editor.document.languageId !== 'dockerfile') {
    void vscode.window.showInformationMessage('Open a Dockerfile to show its syntax tree.');
    return;
  }
  // Re-resolve rather than trusting the running client: the command must work even when the server is down.
  const launch = controller.currentLaunch() ?? controller.resolve();
  if (isServerPathError(launch)) {
    void vscode.window.showErrorMessage(launch.error);
    return;
  }
  try {
    const result = await renderSyntaxTree(launch.command, launch.args, editor.document.getText());
    const content = formatSyntaxTreeDocument(path.basename(editor.document.fileName), result);
    const doc = await vscode.workspace.openTextDocument({ content, language: 'plaintext' });
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true, preserveFocus: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    controller.output.error(`client: syntax tree: ${message}`);
    void vscode.window.showErrorMessage(`Could not show the syntax tree: ${message}`);
  }
}
