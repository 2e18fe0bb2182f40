// The platform-specific packages the build can produce: VS Code's `vsce --target` names and the
// .NET runtime identifier whose self-contained `dockerlsp` each one ships.

/** @type {Readonly<Record<string, string>>} VS Code target → .NET RID */
export const TARGETS = Object.freeze({
  'linux-x64': 'linux-x64',
  'linux-arm64': 'linux-arm64',
  'linux-armhf': 'linux-arm',
  'alpine-x64': 'linux-musl-x64',
  'alpine-arm64': 'linux-musl-arm64',
  'darwin-x64': 'osx-x64',
  'darwin-arm64': 'osx-arm64',
  'win32-x64': 'win-x64',
  'win32-arm64': 'win-arm64',
});

/** The .NET RID for a VS Code target; throws with the list of valid targets otherwise. */
export function ridFor(target) {
  const rid = TARGETS[target];
  if (rid === undefined) throw new Error(`unknown target '${target}'; expected one of: ${Object.keys(TARGETS).join(', ')}`);
  return rid;
}

/** The VS Code target of the machine running the build (musl is detected by the loader's presence). */
export function hostTarget(platform = process.platform, arch = process.arch, isMusl = false) {
  const os = platform === 'linux' && isMusl ? 'alpine' : platform;
  const a = arch === 'arm' ? 'armhf' : arch;
  const target = `${os}-${a}`;
  ridFor(target);
  return target;
}

/** Name of the server executable inside `server/` for a target. */
export function executableFor(target) {
  return target.startsWith('win32-') ? 'dockerlsp.exe' : 'dockerlsp';
}
