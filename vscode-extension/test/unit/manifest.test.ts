/**
 * package.json against the code: activation, file associations, engine compatibility, a usable
 * Settings UI (types, descriptions, enum descriptions) and commands/settings that exist on both sides.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CATEGORIES, REGISTRY_TIMEOUT_RANGE, SEVERITIES, toServerSettings } from '../../src/settings';

// The runner starts in the extension folder (scripts/run-unit-tests.mjs).
const root = process.cwd();
const readJson = (file: string): any => JSON.parse(readFileSync(join(root, file), 'utf8'));
const manifest = readJson('package.json');
const properties: Record<string, any> = manifest.contributes.configuration.properties;

const minVersion = (range: string): number[] => (/(\d+)\.(\d+)\.(\d+)/.exec(range) ?? []).slice(1).map(Number);
const atLeast = (a: number[], b: number[]): boolean => {
  for (let i = 0; i < 3; i++) if ((a[i] ?? 0) !== (b[i] ?? 0)) return (a[i] ?? 0) > (b[i] ?? 0);
  return true;
};

describe('package.json', () => {
  it('is the extension', () => assert.equal(manifest.name, 'dockerlsp'));

  it('activates on Dockerfiles explicitly (the built-in Docker extension owns the language id)', () => {
    assert.deepEqual(manifest.activationEvents, ['onLanguage:dockerfile']);
    assert.equal(manifest.main, './dist/extension.js');
    assert.ok(manifest.publisher);
  });

  it('associates Dockerfile, *.Dockerfile, Dockerfile.* and Containerfile', () => {
    const lang = manifest.contributes.languages.find((l: any) => l.id === 'dockerfile');
    assert.ok(lang.filenames.includes('Dockerfile'));
    assert.ok(lang.filenames.includes('Containerfile'));
    assert.ok(lang.filenamePatterns.includes('*.Dockerfile'));
    assert.ok(lang.filenamePatterns.includes('Dockerfile.*'));
  });

  it('declares an engine that @types/vscode and vscode-languageclient both accept', () => {
    const engine = minVersion(manifest.engines.vscode);
    assert.ok(atLeast(engine, minVersion(readJson('node_modules/@types/vscode/package.json').version)), 'vsce refuses @types/vscode newer than engines.vscode');
    assert.ok(atLeast(engine, minVersion(readJson('node_modules/vscode-languageclient/package.json').engines.vscode)));
  });
});

describe('settings contribution', () => {
  it('gives every setting a type and a description', () => {
    for (const [key, p] of Object.entries(properties)) {
      assert.ok(key.startsWith('dockerlsp.'), key);
      assert.ok(p.type, `${key} has no type`);
      assert.ok(p.description || p.markdownDescription, `${key} has no description`);
      assert.notEqual(p.default, undefined, `${key} has no default`);
    }
  });

  it('describes every enum value, including those inside objects', () => {
    const check = (where: string, schema: any): void => {
      if (schema?.enum) assert.equal(schema.enumDescriptions?.length, schema.enum.length, `${where}: enumDescriptions`);
      for (const [k, v] of Object.entries(schema?.properties ?? {})) check(`${where}.${k}`, v);
      if (typeof schema?.additionalProperties === 'object') check(`${where}[*]`, schema.additionalProperties);
    };
    for (const [key, p] of Object.entries(properties)) check(key, p);
  });

  it('offers exactly the severities and categories the mapper understands', () => {
    assert.deepEqual(properties['dockerlsp.rules'].additionalProperties.enum, [...SEVERITIES]);
    assert.deepEqual(Object.keys(properties['dockerlsp.categories'].properties), [...CATEGORIES]);
  });

  it('contributes every key the server settings are read from, and the client-only ones', () => {
    const read = new Set<string>();
    toServerSettings({ get: <T>(key: string): T | undefined => { read.add(key); return undefined; } });
    for (const key of read) assert.ok(properties[`dockerlsp.${key}`], `dockerlsp.${key} is read but not contributed`);
    const contributed = Object.keys(properties).map((k) => k.slice('dockerlsp.'.length));
    const clientOnly = contributed.filter((k) => !read.has(k));
    assert.deepEqual(clientOnly.sort(), ['server.path', 'trace.server']);
  });

  it('bounds the registry timeout in the UI as the mapper and the server do', () => {
    const p = properties['dockerlsp.registry.timeoutSeconds'];
    assert.deepEqual([p.type, p.minimum, p.maximum], ['integer', REGISTRY_TIMEOUT_RANGE.min, REGISTRY_TIMEOUT_RANGE.max]);
  });

  it('only lets user settings choose the server executable', () => {
    assert.equal(properties['dockerlsp.server.path'].scope, 'machine');
  });
});

describe('commands', () => {
  it('contributes exactly the commands the extension registers', () => {
    const source = ['src/extension.ts'].map((f) => readFileSync(join(root, f), 'utf8')).join('\n');
    const registered = [...source.matchAll(/registerCommand\('([^']+)'/g)].map((m) => m[1]).sort();
    const contributed = manifest.contributes.commands.map((c: any) => c.command).sort();
    assert.deepEqual(registered, contributed);
    assert.deepEqual(contributed, ['dockerlsp.openRuleDocumentation', 'dockerlsp.restartServer', 'dockerlsp.showServerLog', 'dockerlsp.showSyntaxTree']);
  });
});
