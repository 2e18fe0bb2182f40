/**
 * Owns the language client: resolves the server executable, starts, restarts and stops it, forwards
 * setting changes, and turns every way the server can fail (missing binary, failed start, crash
 * loop) into a visible message with actions instead of silence.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as vscode from 'vscode';
import {
  CloseAction,
  DidChangeConfigurationNotification,
  ErrorAction,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import * as readline from 'node:readline';
import { CrashPolicy } from './crashPolicy';
import { DockerLspLanguageClient } from './languageClient';
import { classifyServerLogLine } from './serverLog';
import { isServerPathError, resolveServer, type FileProbe, type ServerLaunch, type ServerResolution } from './serverPath';
import { mapConfigurationItem, toServerSettings } from './settings';
import { TraceChannel } from './traceChannel';

export const CLIENT_ID = 'dockerlsp';
const CLIENT_NAME = 'DockerLsp';

/** node:fs behind the resolver's small interface. */
const nodeFileProbe: FileProbe = {
  kind(file) {
    try {
      const st = fs.statSync(file);
      return st.isDirectory() ? 'directory' : 'file';
    } catch {
      return undefined;
    }
  },
  isExecutable(file) {
    try {
      fs.accessSync(file, fs.constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  makeExecutable(file) {
    try {
      fs.chmodSync(file, 0o755);
      return true;
    } catch {
      return false;
    }
  },
};

export class ServerController implements vscode.Disposable {
  readonly output: vscode.LogOutputChannel;
  private readonly traceOutput: TraceChannel;
  private readonly status: vscode.LanguageStatusItem;
  private readonly crashPolicy = new CrashPolicy();
  private client: DockerLspLanguageClient | undefined;
  /** True from spawn until initialize succeeded; failures in that window are reported by doStart. */
  private starting = false;
  /** The server process we spawned, and how it ended ("exited with code 3"), for messages. */
  private process: ChildProcess | undefined;
  private exit: string | undefined;
  /** Settles when the process has exited and its stdout and stderr are drained ('close', which follows 'exit'). */
  private closed: Promise<void> = Promise.resolve();
  private launch: ServerLaunch | undefined;
  /** Serialises start/stop so that a restart during a start cannot leave two servers running. */
  private transition: Promise<void> = Promise.resolve();
  private disposed = false;

  constructor(private readonly context: vscode.ExtensionContext) {
    // Log channels, because vscode-languageclient 11 writes the server's stderr and traces through their API.
    this.output = vscode.window.createOutputChannel(`${CLIENT_NAME} Language Server`, { log: true });
    this.traceOutput = new TraceChannel(
      vscode.window.createOutputChannel(`${CLIENT_NAME} Language Server Trace`, { log: true }),
      () => vscode.workspace.getConfiguration('dockerlsp').get<string>('trace.server'),
    );
    this.status = vscode.languages.createLanguageStatusItem('dockerlsp.status', { language: 'dockerfile' });
    this.status.name = CLIENT_NAME;
    this.status.command = { title: 'Show Log', command: 'dockerlsp.showServerLog' };
    this.setStatus('starting…');
  }

  /** The executable in use, for features that run it as a CLI (syntax tree). */
  currentLaunch(): ServerLaunch | undefined {
    return this.launch;
  }

  resolve(): ServerResolution {
    const config = vscode.workspace.getConfiguration('dockerlsp');
    return resolveServer(
      {
        configuredPath: config.get<string>('server.path'),
        extensionPath: this.context.extensionPath,
        workspaceFolder: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
        homeDir: os.homedir(),
        platform: process.platform,
        arch: process.arch,
      },
      nodeFileProbe,
    );
  }

  start(): Promise<void> {
    return this.enqueue(() => this.doStart());
  }

  stop(): Promise<void> {
    return this.enqueue(() => this.doStop());
  }

  restart(): Promise<void> {
    return this.enqueue(async () => {
      this.crashPolicy.reset();
      await this.doStop();
      await this.doStart();
    });
  }

  /**
   * Pushes the mapped settings with didChangeConfiguration (a server that prefers to pull re-reads them
   * through workspace/configuration, answered by the same mapping). Trace changes only touch the client.
   */
  async notifySettingsChanged(event: vscode.ConfigurationChangeEvent): Promise<void> {
    if (event.affectsConfiguration('dockerlsp.trace')) this.traceOutput.refresh();
    const client = this.client;
    if (client === undefined || !client.isRunning()) return;
    const settings = toServerSettings(vscode.workspace.getConfiguration('dockerlsp'));
    // Names only: setting values (registries, paths) stay out of logs, as on the server side.
    this.output.info(`client: settings changed; pushing ${Object.keys(settings).join(', ')} to the server`);
    await client.sendNotification(DidChangeConfigurationNotification.type, { settings: { dockerlsp: settings } });
  }

  dispose(): void {
    this.disposed = true;
    this.status.dispose();
    // The channels outlive the stop, which still logs.
    void this.stop().finally(() => {
      this.output.dispose();
      this.traceOutput.dispose();
    });
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    const next = this.transition.then(step, step);
    this.transition = next.catch(() => undefined);
    return next;
  }

  private async doStart(): Promise<void> {
    const resolution = this.resolve();
    if (isServerPathError(resolution)) {
      this.launch = undefined;
      this.output.error(resolution.error);
      this.setStatus('not running', true);
      void this.showFailure(resolution.error, resolution.settingRelated);
      return;
    }
    this.launch = resolution;
    this.output.info(`client: starting ${[resolution.command, ...resolution.args, '--stdio'].join(' ')} (${resolution.source})`);
    const client = new DockerLspLanguageClient(CLIENT_ID, CLIENT_NAME, this.serverOptions(resolution), this.clientOptions(resolution), (message) => {
      // A forced error outside start-up (a restart after a crash that failed): report it ourselves.
      if (!this.starting && this.client === client) void this.failed(`The DockerLsp language server (${resolution.file}) stopped: ${message}.`, resolution);
    });
    this.client = client;
    this.setStatus('starting…');
    const started = Date.now();
    this.starting = true;
    try {
      await client.start();
      this.output.info(`client: server ready in ${Date.now() - started} ms`);
      this.setStatus('running');
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      // The client often notices a broken pipe before the process has ended; give it a moment, so that
      // the exit status is known and the server's last stderr lines are in the log above this line.
      await this.waitForClose(1000);
      this.output.error(`client: start failed: ${reason}${this.exit === undefined ? '' : ` (the server ${this.exit})`}`);
      // Leave no half-started client behind: a later restart must begin from scratch.
      this.client = undefined;
      await client.dispose().catch(() => undefined);
      this.killProcess();
      // The exit status says more than the stream error the client saw ("write EPIPE").
      const what = this.exit === undefined ? `failed to start: ${reason}` : `${this.exit} while starting`;
      void this.failed(`The DockerLsp language server (${resolution.file}) ${what}. Its output is in the log.`, resolution, 'failed to start');
    } finally {
      this.starting = false;
    }
  }

  private async doStop(): Promise<void> {
    const client = this.client;
    this.client = undefined;
    if (client === undefined) return;
    try {
      if (client.isRunning()) await client.stop(5000);
      else await client.dispose();
    } catch (error) {
      this.output.warn(`client: stop: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.killProcess();
    this.setStatus('stopped');
  }

  /**
   * Spawns the server ourselves (rather than handing the library an Executable) to know how it
   * ended: "exited with code 3" is the message a user can act on. `--stdio` selects the transport;
   * the server takes `dockerlsp --stdio` as `serve --stdio`.
   */
  private serverOptions(launch: ServerLaunch): ServerOptions {
    return () =>
      new Promise<ChildProcess>((resolve, reject) => {
        this.exit = undefined;
        const child = spawn(launch.command, [...launch.args, '--stdio', `--clientProcessId=${process.pid}`], {
          stdio: 'pipe',
          windowsHide: true,
          cwd: vscode.workspace.workspaceFolders?.[0]?.uri.fsPath,
        });
        this.process = child;
        this.closed = new Promise((closed) => child.once('close', () => closed()));
        child.once('spawn', () => resolve(child));
        child.once('error', (error) => reject(new Error(`${launch.command} could not be started: ${error.message}`)));
        child.once('exit', (code, signal) => {
          this.exit = signal !== null ? `was killed by ${signal}` : `exited with code ${String(code)}`;
          this.output.info(`client: the server ${this.exit}`);
        });
      });
  }

  private waitForClose(ms: number): Promise<void> {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => { timer = setTimeout(resolve, ms); });
    return Promise.race([this.closed, timeout]).finally(() => clearTimeout(timer));
  }

  /** The library only ends processes it spawned itself; ours must not outlive a stop. */
  private killProcess(): void {
    const child = this.process;
    this.process = undefined;
    if (child !== undefined && child.exitCode === null && child.signalCode === null) child.kill();
  }

  private clientOptions(launch: ServerLaunch): LanguageClientOptions {
    return {
      documentSelector: [
        { scheme: 'file', language: 'dockerfile' },
        { scheme: 'untitled', language: 'dockerfile' },
      ],
      outputChannel: this.output,
      traceOutputChannel: this.traceOutput,
      stdioOptions: {
        stdout: (input, channel) => readline.createInterface({ input, crlfDelay: Infinity }).on('line', (line) => channel.info(line)),
        stderr: (input, channel) =>
          readline.createInterface({ input, crlfDelay: Infinity }).on('line', (line) => {
            const { level, text } = classifyServerLogLine(line);
            channel[level](text);
          }),
      },
      // Our own messages name the binary and offer actions; the library's generic popups would duplicate them.
      revealOutputChannelOn: 4 /* RevealOutputChannelOn.Never */,
      // Do not retry and do not pop up the bare error text: doStart reports the failed start.
      initializationFailedHandler: () => false,
      middleware: {
        workspace: {
          configuration: async (params, token, next) => {
            const result = await next(params, token);
            if (!Array.isArray(result)) return result;
            return result.map((value, i) => mapConfigurationItem(params.items[i]?.section, value));
          },
        },
      },
      errorHandler: {
        error: (_error, _message, count) => ({ action: (count ?? 0) <= 3 ? ErrorAction.Continue : ErrorAction.Shutdown, handled: true }),
        closed: () => {
          // Exiting during start-up is a failed start, which doStart reports (and it drops the client):
          // restarting would only loop.
          if (this.starting || this.client === undefined) return { action: CloseAction.DoNotRestart, handled: true };
          const decision = this.crashPolicy.recordCrash();
          this.output.error(`client: the server exited unexpectedly (${decision.crashesInWindow} time(s) in 3 minutes)`);
          if (decision.restart) {
            this.setStatus('restarting after a crash…', true);
            return { action: CloseAction.Restart, handled: true };
          }
          void this.failed(
            `The DockerLsp language server (${launch.file}) crashed ${decision.crashesInWindow} times in 3 minutes` +
              `${this.exit === undefined ? '' : ` (last time it ${this.exit})`} and was not restarted again.`,
            launch,
            'crashed',
          );
          return { action: CloseAction.DoNotRestart, handled: true };
        },
      },
    };
  }

  private setStatus(text: string, error = false): void {
    if (this.disposed) return;
    this.status.text = `DockerLsp: ${text}`;
    this.status.detail = this.launch === undefined ? '' : `${this.launch.source === 'bundled' ? 'bundled server' : 'dockerlsp.server.path'}: ${this.launch.file}`;
    this.status.severity = error ? vscode.LanguageStatusSeverity.Error : vscode.LanguageStatusSeverity.Information;
  }

  private failed(message: string, launch: ServerLaunch, status = 'stopped'): Promise<void> {
    this.setStatus(status, true);
    return this.showFailure(message, launch.source === 'setting');
  }

  private async showFailure(message: string, settingRelated: boolean): Promise<void> {
    const actions = settingRelated ? ['Show Log', 'Open Settings', 'Restart'] : ['Show Log', 'Restart'];
    const choice = await vscode.window.showErrorMessage(message, ...actions);
    if (choice === 'Show Log') this.output.show(true);
    else if (choice === 'Open Settings') await openServerPathSetting();
    else if (choice === 'Restart') await this.restart();
  }
}

/**
 * Shows `dockerlsp.server.path` in the Settings editor. It is machine-scoped, so in a remote window
 * (SSH, WSL, containers, code-server) it lives under the Remote tab, which plain "Open Settings"
 * does not select: the user would see "No Settings Found".
 */
async function openServerPathSetting(): Promise<void> {
  const query = 'dockerlsp.server.path';
  if (vscode.env.remoteName !== undefined) await vscode.commands.executeCommand('workbench.action.openRemoteSettings', { query });
  else await vscode.commands.executeCommand('workbench.action.openSettings', query);
}
