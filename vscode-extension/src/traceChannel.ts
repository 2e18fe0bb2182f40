/**
 * The protocol-trace output channel. vscode-languageclient 11 traces only while its trace channel's
 * log level is Trace, and writes at that level, which a default (Info) channel hides; users expect
 * `dockerlsp.trace.server` alone to switch tracing on. This adapter reports level Trace while the
 * setting is not "off" (and fires the change event the client listens to, so no restart is needed)
 * and writes the trace lines at Info into the real channel, where they are visible.
 */
import * as vscode from 'vscode';

export class TraceChannel implements vscode.LogOutputChannel {
  private readonly changed = new vscode.EventEmitter<vscode.LogLevel>();
  readonly onDidChangeLogLevel = this.changed.event;
  private level: vscode.LogLevel;

  constructor(private readonly channel: vscode.LogOutputChannel, private readonly readSetting: () => string | undefined) {
    this.level = this.levelFromSetting();
  }

  get name(): string {
    return this.channel.name;
  }

  get logLevel(): vscode.LogLevel {
    return this.level;
  }

  /** Call when `dockerlsp.trace.server` changed; the language client re-reads the level from the event. */
  refresh(): void {
    const next = this.levelFromSetting();
    if (next === this.level) return;
    this.level = next;
    this.changed.fire(next);
  }

  private levelFromSetting(): vscode.LogLevel {
    const value = this.readSetting();
    return value === undefined || value === 'off' ? vscode.LogLevel.Info : vscode.LogLevel.Trace;
  }

  trace(message: string, ...args: unknown[]): void {
    this.channel.info(message, ...args);
  }
  debug(message: string, ...args: unknown[]): void {
    this.channel.debug(message, ...args);
  }
  info(message: string, ...args: unknown[]): void {
    this.channel.info(message, ...args);
  }
  warn(message: string, ...args: unknown[]): void {
    this.channel.warn(message, ...args);
  }
  error(error: string | Error, ...args: unknown[]): void {
    this.channel.error(error, ...args);
  }
  append(value: string): void {
    this.channel.append(value);
  }
  appendLine(value: string): void {
    this.channel.appendLine(value);
  }
  replace(value: string): void {
    this.channel.replace(value);
  }
  clear(): void {
    this.channel.clear();
  }
  show(columnOrPreserveFocus?: vscode.ViewColumn | boolean, preserveFocus?: boolean): void {
    if (typeof columnOrPreserveFocus === 'boolean' || columnOrPreserveFocus === undefined) this.channel.show(columnOrPreserveFocus);
    else this.channel.show(columnOrPreserveFocus, preserveFocus);
  }
  hide(): void {
    this.channel.hide();
  }
  dispose(): void {
    this.changed.dispose();
    this.channel.dispose();
  }
}
