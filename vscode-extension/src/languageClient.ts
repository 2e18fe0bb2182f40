/**
 * vscode-languageclient's LanguageClient, with one change: the library's own forced error popups
 * ("couldn't create connection to server", "Restarting server failed") are logged but not shown,
 * and handed to the controller instead, which shows one message that names the executable and
 * offers Show Log / Open Settings / Restart. Without this the user would get two popups for one failure.
 */
import { LanguageClient, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

export class DockerLspLanguageClient extends LanguageClient {
  constructor(
    id: string,
    name: string,
    serverOptions: ServerOptions,
    clientOptions: LanguageClientOptions,
    private readonly onForcedError: (message: string) => void,
  ) {
    super(id, name, serverOptions, clientOptions);
  }

  override error(message: string, data?: unknown, showNotification: boolean | 'force' = true): void {
    if (showNotification !== 'force') {
      super.error(message, data, showNotification);
      return;
    }
    super.error(message, data, false);
    this.onForcedError(message);
  }
}
