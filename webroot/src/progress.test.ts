import { describe, expect, it } from 'vitest';
import { progressOf } from './progress';

describe('progress of loop and group nodes', () => {
  it('counts the iterations of a loop and names the first that failed', () => {
    const records = { 'each[0]': { status: 'success' }, 'each[1]': { status: 'failure' }, 'each[2]': { status: 'running' }, 'other[0]': { status: 'success' } };
    expect(progressOf('each', { id: 'each', step: 'Generate UUID', loop: { count: 3 } }, records, undefined))
      .toEqual({ done: 2, total: 3, failed: 'each[1]' });
  });
  it('takes the length of a while loop from its finished record', () => {
    const records = { 'w[0]': { status: 'success' }, 'w[1]': { status: 'success' }, w: { status: 'success', result: { iterations: 2 } } };
    expect(progressOf('w', { id: 'w', step: 'Generate UUID', loop: { while: 'loop.index < 2' } }, records, undefined))
      .toEqual({ done: 2, total: 2, failed: undefined });
    expect(progressOf('w', { id: 'w', step: 'Generate UUID', loop: { while: 'x' } }, {}, undefined)).toBeUndefined();
  });
  it('reads a finished loop record alone (what a step-by-step run gets back)', () => {
    const records = { l: { status: 'failure', result: { iterations: 2, results: [{ id: 'l[0]', status: 'success' }, { id: 'l[1]', status: 'failure' }] } } };
    expect(progressOf('l', { id: 'l', step: 'Generate UUID', loop: { count: 2 } }, records, undefined))
      .toEqual({ done: 2, total: 2, failed: 'l[1]' });
  });
  it('shows a group node its inner steps, and a looped group those of its latest iteration', () => {
    const groups = { pair: { steps: [{ id: 'a', step: 'Generate UUID' }, { id: 'b', step: 'Generate UUID' }] } };
    expect(progressOf('p', { id: 'p', step: 'pair' }, { a: { status: 'success' }, b: { status: 'running' } }, groups))
      .toEqual({ done: 1, total: 2, inner: [{ id: 'a', status: 'success' }, { id: 'b', status: 'running' }] });
    expect(progressOf('p', { id: 'p', step: 'pair' }, {}, groups)).toBeUndefined();
    const looped = { 'r[0]': { status: 'success' }, 'r[0].a': { status: 'success' }, 'r[0].b': { status: 'success' },
      'r[1].a': { status: 'failure' } };
    expect(progressOf('r', { id: 'r', step: 'pair', loop: { count: 2 } }, looped, groups)).toEqual({ done: 1, total: 2,
      failed: undefined, inner: [{ id: 'a', status: 'failure' }, { id: 'b', status: 'waiting' }] });
  });
});
