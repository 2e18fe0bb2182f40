/**
 * Extension entry point: creates the server controller, registers the commands and watches the
 * `dockerlsp` settings. Activated by `onLanguage:dockerfile` (VS Code's built-in Docker support
 * already contributes the language, so the implicit activation would never fire).
 */
import * as vscode from 'vscode';
import { openRuleDocumentation } from './commands/openRuleDocumentation';
import { showSyntaxTree } from './commands/showSyntaxTree';
import { ServerController } from './serverController';

let controller: ServerController | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const c = new ServerController(context);
  controller = c;
  context.subscriptions.push(
    c,
    vscode.commands.registerCommand('dockerlsp.restartServer', () => c.restart()),
    vscode.commands.registerCommand('dockerlsp.showServerLog', () => c.output.show(true)),
    vscode.commands.registerCommand('dockerlsp.openRuleDocumentation', openRuleDocumentation),
    vscode.commands.registerCommand('dockerlsp.showSyntaxTree', () => showSyntaxTree(c)),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('dockerlsp')) return;
      // A different executable needs a new process; everything else reaches the running server.
      if (e.affectsConfiguration('dockerlsp.server')) void c.restart();
      else void c.notifySettingsChanged();
    }),
  );
  await c.start();
}

export async function deactivate(): Promise<void> {
  await controller?.stop();
  controller = undefined;
}
