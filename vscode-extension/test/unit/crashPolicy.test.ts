/** Crash policy: restart a crashed server a few times, then stop and tell the user. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CrashPolicy } from '../../src/crashPolicy';

describe('CrashPolicy', () => {
  it('restarts up to four times within three minutes, then gives up', () => {
    let now = 0;
    const policy = new CrashPolicy(4, 180_000, () => now);
    const decisions = [0, 1, 2, 3, 4].map(() => {
      now += 1000;
      return policy.recordCrash();
    });
    assert.deepEqual(decisions.map((d) => d.restart), [true, true, true, true, false]);
    assert.equal(decisions[4]?.crashesInWindow, 5);
  });

  it('forgets crashes older than the window', () => {
    let now = 0;
    const policy = new CrashPolicy(1, 1000, () => now);
    assert.equal(policy.recordCrash().restart, true);
    now = 5000;
    assert.deepEqual(policy.recordCrash(), { restart: true, crashesInWindow: 1 });
  });

  it('starts over after a manual restart', () => {
    const policy = new CrashPolicy(1, 1000, () => 0);
    policy.recordCrash();
    assert.equal(policy.recordCrash().restart, false);
    policy.reset();
    assert.equal(policy.recordCrash().restart, true);
  });
});
