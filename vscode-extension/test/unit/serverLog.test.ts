/** Server stderr → output channel levels. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { classifyServerLogLine } from '../../src/serverLog';

describe('classifyServerLogLine', () => {
  it('maps Serilog levels and strips the time and level prefix (the channel adds its own)', () => {
    assert.deepEqual(classifyServerLogLine('[00:48:53.136 INF] dockerlsp serve starting'), { level: 'info', text: 'dockerlsp serve starting' });
    assert.deepEqual(classifyServerLogLine('[00:48:53.136 WRN] slow'), { level: 'warn', text: 'slow' });
    assert.deepEqual(classifyServerLogLine('[00:48:53.136 ERR] boom'), { level: 'error', text: 'boom' });
    assert.deepEqual(classifyServerLogLine('[00:48:53.136 FTL] dead'), { level: 'error', text: 'dead' });
  });

  it('keeps debug and verbose lines visible, tagged', () => {
    assert.deepEqual(classifyServerLogLine('[00:48:53.136 DBG] detail'), { level: 'info', text: '[debug] detail' });
    assert.deepEqual(classifyServerLogLine('[00:48:53 VRB] more'), { level: 'info', text: '[verbose] more' });
  });

  it('passes other lines (stack traces, runtime messages) through at info', () => {
    assert.deepEqual(classifyServerLogLine('   at DockerLsp.Server.Foo()'), { level: 'info', text: '   at DockerLsp.Server.Foo()' });
  });
});
