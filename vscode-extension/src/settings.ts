/**
 * Maps the user's `dockerlsp.*` VS Code settings to the object the server receives for the
 * `dockerlsp` section (workspace/configuration answers and didChangeConfiguration pushes).
 * Client-only keys (`server.*`, `trace.*`) are dropped, severities are normalised and invalid
 * values left out so the server falls back to its defaults instead of guessing.
 * No VS Code imports: unit-tested with a plain reader.
 */

/** The configured severity of a rule or category; "default" means "as the rule declares". */
export const SEVERITIES = ['default', 'off', 'hint', 'info', 'warning', 'error'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** Rule categories that can be configured as a whole (syntax errors BuildKit rejects stay errors whatever is set). */
export const CATEGORIES = ['Syntax', 'Correctness', 'BestPractice', 'Security', 'Maintainability', 'Style'] as const;

export const LOG_LEVELS = ['Verbose', 'Debug', 'Information', 'Warning', 'Error'] as const;
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Settings the extension itself uses and never forwards. */
export const CLIENT_ONLY_KEYS = ['server', 'trace'] as const;

/** `registry` in the server's section: how it reaches container registries for image metadata. */
export interface RegistrySettings {
  insecure?: string[];
  offline?: boolean;
  /** Opt-in online check that pinned digests still match their tags (DF506). */
  checkDigests?: boolean;
  /** Whole seconds, 1–120 (the server clamps too). */
  timeoutSeconds?: number;
}

/**
 * The `dockerlsp` section as the server reads it (src/DockerLsp.Server/Hosting/SettingsParser.cs,
 * docs/lsp.md "Settings"): `{ rules: { DF201: "off" }, categories: { Style: "warning" },
 * trustedRegistries: [...], registry: { insecure, offline, timeoutSeconds }, logLevel: "Debug" }`.
 * Absent keys mean the server's defaults.
 */
export interface ServerSettings {
  rules: Record<string, Severity>;
  categories: Record<string, Severity>;
  trustedRegistries?: string[];
  registry: RegistrySettings;
  logLevel?: LogLevel;
}

export const REGISTRY_TIMEOUT_RANGE = { min: 1, max: 120 } as const;

/** `WorkspaceConfiguration.get` for the `dockerlsp` section, or a plain object in tests. */
export interface ConfigReader {
  get<T>(key: string): T | undefined;
}

/** Builds a reader over a plain nested object (what workspace/configuration hands to middleware). */
export function readerFromObject(section: unknown): ConfigReader {
  return {
    get<T>(key: string): T | undefined {
      let node: unknown = section;
      for (const part of key.split('.')) {
        if (node === null || typeof node !== 'object') return undefined;
        node = (node as Record<string, unknown>)[part];
      }
      return node as T | undefined;
    },
  };
}

/** Accepts the spellings people type (Warning, WARN, none) and returns ours, or undefined. */
export function normaliseSeverity(value: unknown): Severity | undefined {
  if (typeof value !== 'string') return undefined;
  const v = value.trim().toLowerCase();
  switch (v) {
    case 'warn': return 'warning';
    case 'information': case 'suggestion': return 'info';
    case 'style': case 'silent': case 'hidden': return 'hint';
    case 'none': case 'ignore': return 'off';
    default: return (SEVERITIES as readonly string[]).includes(v) ? (v as Severity) : undefined;
  }
}

function severityMap(value: unknown, normaliseKey: (k: string) => string): Record<string, Severity> {
  const out: Record<string, Severity> = {};
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return out;
  for (const [key, raw] of Object.entries(value as Record<string, unknown>)) {
    const severity = normaliseSeverity(raw);
    // "default" adds nothing the server does not already do; sending it would only be noise.
    if (severity !== undefined && severity !== 'default' && key.trim().length > 0) out[normaliseKey(key.trim())] = severity;
  }
  return out;
}

/** Rule IDs compare case-insensitively on the server; upper-case keeps logs and docs consistent (df201 → DF201). */
function ruleKey(key: string): string {
  return /^[A-Za-z]+[0-9]+$/.test(key) ? key.toUpperCase() : key;
}

function categoryKey(key: string): string {
  return CATEGORIES.find((c) => c.toLowerCase() === key.toLowerCase()) ?? key;
}

function stringList(value: unknown): string[] | undefined {
  if (!Array.isArray(value)) return undefined;
  return value.filter((v): v is string => typeof v === 'string' && v.trim().length > 0).map((v) => v.trim());
}

function logLevel(value: unknown): LogLevel | undefined {
  if (typeof value !== 'string') return undefined;
  return LOG_LEVELS.find((l) => l.toLowerCase() === value.trim().toLowerCase());
}

function registrySettings(config: ConfigReader): RegistrySettings {
  const registry: RegistrySettings = {};
  const insecure = stringList(config.get<unknown>('registry.insecure'));
  if (insecure !== undefined) registry.insecure = insecure;
  const offline = config.get<unknown>('registry.offline');
  if (typeof offline === 'boolean') registry.offline = offline;
  const checkDigests = config.get<unknown>('registry.checkDigests');
  if (typeof checkDigests === 'boolean') registry.checkDigests = checkDigests;
  const timeout = config.get<unknown>('registry.timeoutSeconds');
  if (typeof timeout === 'number' && Number.isFinite(timeout)) {
    registry.timeoutSeconds = Math.min(REGISTRY_TIMEOUT_RANGE.max, Math.max(REGISTRY_TIMEOUT_RANGE.min, Math.round(timeout)));
  }
  return registry;
}

export function toServerSettings(config: ConfigReader): ServerSettings {
  const settings: ServerSettings = {
    rules: severityMap(config.get<unknown>('rules'), ruleKey),
    categories: severityMap(config.get<unknown>('categories'), categoryKey),
    registry: registrySettings(config),
  };
  const trusted = stringList(config.get<unknown>('trustedRegistries'));
  if (trusted !== undefined) settings.trustedRegistries = trusted;
  const level = logLevel(config.get<unknown>('logLevel'));
  if (level !== undefined) settings.logLevel = level;
  return settings;
}

/**
 * Answers one workspace/configuration item. The server may ask for the whole `dockerlsp` section
 * or a part of it (`dockerlsp.rules`); either way it gets the mapped form. Other sections pass through.
 */
export function mapConfigurationItem(section: string | undefined, raw: unknown): unknown {
  if (section === 'dockerlsp') return toServerSettings(readerFromObject(raw));
  if (section === undefined || !section.startsWith('dockerlsp.')) return raw;
  const sub = section.slice('dockerlsp.'.length);
  if ((CLIENT_ONLY_KEYS as readonly string[]).includes(sub.split('.')[0] ?? '')) return null;
  // Rebuild the section around the requested part, map it like the whole, and hand back that part.
  const nested = sub.split('.').reduceRight<unknown>((value, key) => ({ [key]: value }), raw);
  return readerFromObject(toServerSettings(readerFromObject(nested))).get(sub) ?? null;
}
