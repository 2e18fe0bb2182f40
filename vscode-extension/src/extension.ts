/**
 * Extension entry point: creates the server controller, registers the commands and watches the
 * `dockerlsp` settings. Activated by `onLanguage:dockerfile` (VS Code's built-in Docker support
 * already contributes the language, so the implicit activation would never fire).
 */
import * as vscode from 'vscode';
import { openRuleDocumentation } from './commands/openRuleDocumentation';
import { SYNTAX_TREE_SCHEME, SyntaxTreeDocuments, showSyntaxTree } from './commands/showSyntaxTree';
import { ServerController } from './serverController';

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const c = new ServerController(context);
  controller = c;
  const trees = new SyntaxTreeDocuments();
  context.subscriptions.push(
    c,
    trees,
    vscode.workspace.registerTextDocumentContentProvider(SYNTAX_TREE_SCHEME, trees),
    vscode.commands.registerCommand('dockerlsp.restartServer', () => c.restart()),
    vscode.commands.registerCommand('dockerlsp.showServerLog', () => c.output.show(true)),
    vscode.commands.registerCommand('dockerlsp.openRuleDocumentation', openRuleDocumentation),
    vscode.commands.registerCommand('dockerlsp.showSyntaxTree', () => showSyntaxTree(c, trees)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('dockerlsp')) return;
      // A different executable needs a new process; everything else reaches the running server.
      if (e.affectsConfiguration('dockerlsp.server')) void c.restart();
      else void c.notifySettingsChanged(e);
    }),
  );
  await c.start();
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
