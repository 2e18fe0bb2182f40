/**
 * Command `dockerlsp.showSyntaxTree`: shows the full-fidelity syntax tree of the current Dockerfile
 * (including unsaved edits) beside it, ready to paste into a bug report. The tree is a read-only
 * virtual document, so closing it never asks to save.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { ServerController } from '../serverController';
import { isServerPathError } from '../serverPath';
import { formatSyntaxTreeDocument, renderSyntaxTree } from '../syntaxTree';

export const SYNTAX_TREE_SCHEME = 'dockerlsp-syntax-tree';

/** Holds the rendered trees by URI; VS Code asks for the text when it opens the document. */
export class SyntaxTreeDocuments implements vscode.TextDocumentContentProvider {
  private readonly trees = new Map<string, string>();
  private readonly changed = new vscode.EventEmitter<vscode.Uri>();
  readonly onDidChange = this.changed.event;
  private counter = 0;

  provideTextDocumentContent(uri: vscode.Uri): string {
    return this.trees.get(uri.toString()) ?? '';
  }

  /** A fresh URI per request, so an earlier tree stays as it was for comparison. */
  add(fileName: string, text: string): vscode.Uri {
    const uri = vscode.Uri.from({ scheme: SYNTAX_TREE_SCHEME, path: `/${fileName}.syntax-tree`, query: String(++this.counter) });
    this.trees.set(uri.toString(), text);
    return uri;
  }

  dispose(): void {
    this.changed.dispose();
    this.trees.clear();
  }
}

export async function showSyntaxTree(controller: ServerController, documents: SyntaxTreeDocuments): Promise<void> {
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
    const fileName = path.basename(editor.document.fileName);
    const uri = documents.add(fileName, formatSyntaxTreeDocument(fileName, result));
    const doc = await vscode.workspace.openTextDocument(uri);
    await vscode.window.showTextDocument(doc, { viewColumn: vscode.ViewColumn.Beside, preview: true });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    controller.output.error(`client: syntax tree: ${message}`);
    void vscode.window.showErrorMessage(`Could not show the syntax tree: ${message}`);
  }
}
