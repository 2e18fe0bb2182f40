/** Settings mapping: what the server receives for the `dockerlsp` section. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mapConfigurationItem, normaliseSeverity, readerFromObject, toServerSettings } from '../../src/settings';

const map = (section: unknown) => toServerSettings(readerFromObject(section));

describe('toServerSettings', () => {
  it('maps an empty section to empty maps and no overrides', () => {
    assert.deepEqual(map({}), { rules: {}, categories: {}, registry: {} });
    assert.deepEqual(map(undefined), { rules: {}, categories: {}, registry: {} });
  });

  it('drops client-only settings (server path, trace)', () => {
    const s = map({ server: { path: '/x' }, trace: { server: 'verbose' } }) as unknown as Record<string, unknown>;
    assert.equal(s['server'], undefined);
    assert.equal(s['trace'], undefined);
  });

  it('normalises rule IDs and severities, keeps aliases, drops invalid and "default" entries', () => {
    const s = map({ rules: { df201: 'Error', DL3008: 'none', JSONArgsRecommended: 'warn', DF301: 'default', DF302: 'loud', DF303: 3, ' ': 'off' } });
    assert.deepEqual(s.rules, { DF201: 'error', DL3008: 'off', JSONArgsRecommended: 'warning' });
  });

  it('canonicalises category names and ignores a non-object', () => {
    assert.deepEqual(map({ categories: { security: 'error', STYLE: 'off', Unknown: 'hint' } }).categories, { Security: 'error', Style: 'off', Unknown: 'hint' });
    assert.deepEqual(map({ categories: ['Security'] }).categories, {});
    assert.deepEqual(map({ rules: 'DF201=off' }).rules, {});
  });

  it('passes trusted registries as a trimmed list of strings, and nothing when the value is not a list', () => {
    assert.deepEqual(map({ trustedRegistries: [' docker.io ', '', 7, 'ghcr.io/acme'] }).trustedRegistries, ['docker.io', 'ghcr.io/acme']);
    assert.equal(map({ trustedRegistries: 'docker.io' }).trustedRegistries, undefined);
  });

  it('maps registry options, type-checked, with the timeout rounded and clamped to 1-120 s', () => {
    assert.deepEqual(map({ registry: { insecure: [' reg:5000 ', '', 7], offline: true, timeoutSeconds: 30 } }).registry, { insecure: ['reg:5000'], offline: true, timeoutSeconds: 30 });
    assert.deepEqual(map({ registry: { offline: 'yes', timeoutSeconds: 'soon', insecure: 'reg' } }).registry, {});
    assert.deepEqual(map({ registry: { checkDigests: true } }).registry, { checkDigests: true });
    assert.deepEqual(map({ registry: { checkDigests: 'on' } }).registry, {});
    assert.equal(map({ registry: { timeoutSeconds: 0 } }).registry.timeoutSeconds, 1);
    assert.equal(map({ registry: { timeoutSeconds: 500 } }).registry.timeoutSeconds, 120);
    assert.equal(map({ registry: { timeoutSeconds: 2.6 } }).registry.timeoutSeconds, 3);
    assert.deepEqual(map({ registry: { timeoutSeconds: Number.NaN } }).registry, {});
  });

  it('accepts the log level in any case and drops unknown levels', () => {
    assert.equal(map({ logLevel: 'debug' }).logLevel, 'Debug');
    assert.equal(map({ logLevel: 'chatty' }).logLevel, undefined);
  });
});

describe('normaliseSeverity', () => {
  for (const [input, expected] of [
    ['error', 'error'], ['WARNING', 'warning'], ['warn', 'warning'], ['information', 'info'], ['suggestion', 'info'],
    ['style', 'hint'], ['silent', 'hint'], ['ignore', 'off'], ['none', 'off'], ['default', 'default'], ['fatal', undefined], [1, undefined],
  ] as const) {
    it(`${String(input)} → ${String(expected)}`, () => assert.equal(normaliseSeverity(input), expected));
  }
});

describe('mapConfigurationItem (workspace/configuration middleware)', () => {
  const raw = { server: { path: '/x' }, rules: { df201: 'Error' }, trustedRegistries: ['docker.io', 3], logLevel: 'bogus' };

  it('maps the whole section', () => {
    assert.deepEqual(mapConfigurationItem('dockerlsp', raw), { rules: { DF201: 'error' }, categories: {}, trustedRegistries: ['docker.io'], registry: {} });
  });

  it('maps a part of the section the same way', () => {
    assert.deepEqual(mapConfigurationItem('dockerlsp.rules', raw.rules), { DF201: 'error' });
    assert.deepEqual(mapConfigurationItem('dockerlsp.trustedRegistries', raw.trustedRegistries), ['docker.io']);
    assert.equal(mapConfigurationItem('dockerlsp.logLevel', 'debug'), 'Debug');
    assert.equal(mapConfigurationItem('dockerlsp.logLevel', 'bogus'), null);
    assert.deepEqual(mapConfigurationItem('dockerlsp.registry', { offline: true, timeoutSeconds: 999 }), { offline: true, timeoutSeconds: 120 });
    assert.equal(mapConfigurationItem('dockerlsp.registry.timeoutSeconds', 0), 1);
  });

  it('hides client-only parts and passes other sections through untouched', () => {
    assert.equal(mapConfigurationItem('dockerlsp.server', raw.server), null);
    assert.deepEqual(mapConfigurationItem('editor', { tabSize: 4 }), { tabSize: 4 });
    assert.equal(mapConfigurationItem(undefined, 5), 5);
  });
});
