import { describe, expect, it } from 'vitest';
import { runBreakpoints, StepPauses, toggled } from './breakpoints';

const nodes = [{ id: 'a', data: {} }, { id: 'b', data: { breakpoint: true } }, { id: 'c', data: {} }];

describe('breakpoint state', () => {
  it('toggles one node and leaves the others as they were', () => {
    const once = toggled(nodes, 'a');
    expect(once.map((n) => !!n.data.breakpoint)).toEqual([true, true, false]);
    expect(once[2]).toBe(nodes[2]);
    expect(toggled(once, 'a').map((n) => !!n.data.breakpoint)).toEqual([false, true, false]);
  });
  it('sends a run every breakpoint and the node of Run to here', () => {
    expect(runBreakpoints(nodes)).toEqual(['b']);
    expect(runBreakpoints(nodes, 'c')).toEqual(['b', 'c']);
  });
  it('pauses a step-by-step run before breakpoints, after Step before each node, and once on Pause', () => {
    const p = new StepPauses(new Set(['b']));
    expect(p.before('a')).toBe(false);
    expect(p.before('b')).toBe(true);
    p.answered('step');
    expect(p.before('c')).toBe(true);
    p.answered('continue');
    expect(p.before('c')).toBe(false);
    let asked = true;
    const pauseOnce = () => { const r = asked; asked = false; return r; };
    expect(p.before('c', pauseOnce)).toBe(true);
    expect(p.before('c', pauseOnce)).toBe(false);
  });
  it('does not read the Pause request when a breakpoint decides (the request stays for the next node)', () => {
    const p = new StepPauses(new Set(['b']));
    let reads = 0;
    expect(p.before('b', () => { reads++; return true; })).toBe(true);
    expect(reads).toBe(0);
  });
});
