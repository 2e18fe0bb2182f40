/**
 * Decides which language-server executable to start: the user's `dockerlsp.server.path` when set,
 * otherwise the self-contained server bundled under `server/` in the platform-specific package.
 * Pure logic over an injected file-system view, so it is unit-tested without VS Code.
 */
import * as path from 'node:path';

/** What the extension will spawn. `args` precede the `--stdio` that vscode-languageclient appends. */
export interface ServerLaunch {
  readonly command: string;
  readonly args: readonly string[];
  /** Where the executable came from, for messages: the user's setting or the bundled copy. */
  readonly source: 'setting' | 'bundled';
  /** The file the user should look at when something is wrong (the dll for `dotnet x.dll`). */
  readonly file: string;
}

/** A resolution failure carries a message that says what to do, shown to the user as is. */
export interface ServerPathError {
  readonly error: string;
  /** True when changing `dockerlsp.server.path` is the fix (the UI offers "Open Settings"). */
  readonly settingRelated: boolean;
}

export type ServerResolution = ServerLaunch | ServerPathError;

export function isServerPathError(r: ServerResolution): r is ServerPathError {
  return 'error' in r;
}

/** The few file-system facts the resolver needs; the extension passes node:fs, tests pass a fake. */
export interface FileProbe {
  /** 'file', 'directory' or undefined when nothing is there. */
  kind(file: string): 'file' | 'directory' | undefined;
  isExecutable(file: string): boolean;
  /** Adds the execute bits; used on the bundled binary, whose mode an unzip may have dropped. */
  makeExecutable(file: string): boolean;
}

export interface ResolveInput {
  /** The raw `dockerlsp.server.path` value (may be empty, `~/...`, relative or contain `${workspaceFolder}`). */
  readonly configuredPath: string | undefined;
  readonly extensionPath: string;
  readonly workspaceFolder: string | undefined;
  readonly homeDir: string;
  readonly platform: NodeJS.Platform;
  readonly arch: string;
}

/** Name of the bundled executable inside `server/` for a platform. */
export function bundledExecutableName(platform: NodeJS.Platform): string {
  return platform === 'win32' ? 'dockerlsp.exe' : 'dockerlsp';
}

/** Expands `~`, `${workspaceFolder}` and `${userHome}`, and anchors a relative path at the workspace folder. */
export function expandConfiguredPath(raw: string, workspaceFolder: string | undefined, homeDir: string): string {
  let p = raw.trim();
  p = p.replace(/\$\{userHome\}/g, homeDir);
  if (workspaceFolder !== undefined) p = p.replace(/\$\{workspaceFolder\}/g, workspaceFolder);
  if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) p = path.join(homeDir, p.slice(1));
  if (!path.isAbsolute(p) && workspaceFolder !== undefined) p = path.join(workspaceFolder, p);
  return path.normalize(p);
}

export function resolveServer(input: ResolveInput, fs: FileProbe): ServerResolution {
  const configured = input.configuredPath?.trim() ?? '';
  return configured.length > 0 ? resolveConfigured(configured, input, fs) : resolveBundled(input, fs);
}

function resolveConfigured(raw: string, input: ResolveInput, fs: FileProbe): ServerResolution {
  if (raw.includes('${workspaceFolder}') && input.workspaceFolder === undefined) {
    return settingError(`dockerlsp.server.path uses \${workspaceFolder} ("${raw}") but no folder is open.`);
  }
  const file = expandConfiguredPath(raw, input.workspaceFolder, input.homeDir);
  const kind = fs.kind(file);
  if (kind === undefined) {
    return settingError(`dockerlsp.server.path is set to "${raw}", but ${file} does not exist. Fix the path or clear the setting to use the bundled server.`);
  }
  if (kind === 'directory') {
    // Accept the publish folder itself: people often point at the directory `dotnet publish -o` wrote.
    const inside = path.join(file, bundledExecutableName(input.platform));
    if (fs.kind(inside) === 'file') return checkExecutable(inside, 'setting', input, fs);
    const dll = path.join(file, 'dockerlsp.dll');
    if (fs.kind(dll) === 'file') return dotnetLaunch(dll);
    return settingError(`dockerlsp.server.path is set to the folder ${file}, which holds neither ${bundledExecutableName(input.platform)} nor dockerlsp.dll.`);
  }
  // A framework-dependent build (`dotnet build` output) is a dll run by the shared runtime.
  if (file.toLowerCase().endsWith('.dll')) return dotnetLaunch(file);
  return checkExecutable(file, 'setting', input, fs);
}

function resolveBundled(input: ResolveInput, fs: FileProbe): ServerResolution {
  const file = path.join(input.extensionPath, 'server', bundledExecutableName(input.platform));
  if (fs.kind(file) !== 'file') {
    return {
      error:
        `This copy of the DockerLsp extension has no bundled language server for ${input.platform}-${input.arch}. ` +
        'Install the platform-specific build of the extension, or set dockerlsp.server.path to a dockerlsp executable ' +
        '(for example one built with `dotnet publish src/DockerLsp.Cli`).',
      settingRelated: true,
    };
  }
  return checkExecutable(file, 'bundled', input, fs);
}

function checkExecutable(file: string, source: 'setting' | 'bundled', input: ResolveInput, fs: FileProbe): ServerResolution {
  // Windows has no execute bit; anything that exists is runnable as far as we can tell.
  if (input.platform !== 'win32' && !fs.isExecutable(file)) {
    // The bundled binary is ours to fix (zip extraction can drop the mode); the user's file is not.
    if (source === 'bundled' && fs.makeExecutable(file)) return { command: file, args: [], source, file };
    return {
      error: source === 'bundled'
        ? `The bundled language server ${file} is not executable and could not be made executable. Reinstall the extension, or set dockerlsp.server.path.`
        : `dockerlsp.server.path points to ${file}, which is not executable (try chmod +x).`,
      settingRelated: source === 'setting',
    };
  }
  return { command: file, args: [], source, file };
}

function dotnetLaunch(dll: string): ServerLaunch {
  return { command: 'dotnet', args: [dll], source: 'setting', file: dll };
}

function settingError(error: string): ServerPathError {
  return { error, settingRelated: true };
}
