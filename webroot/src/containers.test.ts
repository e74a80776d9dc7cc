import { describe, expect, it } from 'vitest';
import { Canvas, dropInto, groupSelection, moveWithin, Outcome, reaches, takeOut, ungroup } from './containers';
import { childIds, containerBox, dropIndex, groupHeight, problemsByPlace } from './containerView';
import { parseYaml, toGraph, toScenario } from './graph';

const OPS = new Set(['Generate UUID', 'Wait X seconds', 'Submit Telemetry']);

/** A canvas from scenario YAML, as the editor loads it. */
function canvas(text: string): Canvas {
  const s = parseYaml(text);
  const g = toGraph(s);
  return { nodes: g.nodes, edges: g.edges.filter((e) => !e.needs), groups: s.groups ?? {} };
}
const ok = (o: Outcome): Canvas => { if ('error' in o) throw new Error(o.error); return o.canvas; };
const err = (o: Outcome): string => ('error' in o ? o.error : 'no error');
/** What Save writes, the needs edges made from the steps' needs as the editor does. */
const saved = (c: Canvas) => toScenario({ name: 't', groups: c.groups }, c.nodes, [...c.edges.map((e) => ({ ...e, needs: false })),
  ...c.nodes.flatMap((n) => (n.def.needs ?? []).map((need) => ({ id: need + n.id, source: need, target: n.id, needs: true })))]);

const FOUR = `
name: t
steps:
  - id: a
    step: Generate UUID
  - id: b
    step: Wait X seconds
    arguments: {duration: 1}
  - id: c
    step: Submit Telemetry
    arguments: {id: "\${{ steps.a.result }}"}
  - id: d
    step: Generate UUID
`;

describe('group a selection', () => {
  it('replaces consecutive steps by a call of the new group, the order kept', () => {
    const c = ok(groupSelection(canvas(FOUR), ['c', 'b'], 'middle', OPS));
    const s = saved(c);
    expect(s.steps.map((x) => x.id ?? x.step)).toEqual(['a', 'middle', 'd']);
    expect(s.groups!.middle.steps.map((x) => x.id)).toEqual(['b', 'c']);
    // references into the group keep working: an unlooped group's steps are recorded under their own ids
    expect(s.groups!.middle.steps[1].arguments).toEqual({ id: '${{ steps.a.result }}' });
    expect(c.edges.map((e) => `${e.source}>${e.target}`).sort()).toEqual(['a>middle', 'middle>d']);
  });
  it('refuses steps that do not follow each other, a taken name, and an operation name', () => {
    expect(err(groupSelection(canvas(FOUR), ['a', 'c'], 'g', OPS))).toMatch(/'b' runs between the selected steps/);
    expect(err(groupSelection(canvas(FOUR), ['a'], 'Wait X seconds', OPS))).toMatch(/operation's name/);
    expect(err(groupSelection(canvas(FOUR), ['a'], 'd', OPS))).toMatch(/a step is already called 'd'/);
    expect(err(groupSelection(canvas(FOUR), ['a'], '  ', OPS))).toMatch(/needs a name/);
    const once = ok(groupSelection(canvas(FOUR), ['a'], 'g', OPS));
    expect(err(groupSelection(once, ['d'], 'g', OPS))).toMatch(/already a group 'g'/);
  });
  it('moves needs on outside steps to the call, and refuses a step outside waiting for one inside', () => {
    const text = `
name: t
steps:
  - {id: bg, step: Wait X seconds, background: true, arguments: {duration: 1}}
  - {id: x, step: Generate UUID}
  - {id: y, step: Generate UUID, needs: [bg]}
  - {id: z, step: Generate UUID}
`;
    const o = groupSelection(canvas(text), ['x', 'y'], 'g', OPS);
    const c = ok(o);
    expect(c.nodes.find((n) => n.id === 'g')!.def.needs).toEqual(['bg']);
    expect(c.groups.g.steps[1].needs).toBeUndefined();
    expect('note' in o && o.note).toMatch(/waits for bg/);
    expect(err(groupSelection(canvas(text), ['bg'], 'h', OPS))).toMatch(/'y' needs 'bg'/);
  });
});

describe('ungroup', () => {
  const CALLED = `
name: t
groups:
  pair:
    steps:
      - {id: p, step: Generate UUID}
      - {id: q, step: Submit Telemetry, arguments: {id: "\${{ group.p.result }}"}}
steps:
  - {id: a, step: Generate UUID}
  - {id: p, step: Generate UUID}
  - {id: call, step: pair, needs: [a]}
  - {id: d, step: Generate UUID}
`;
  it('puts the steps in the call\'s place, renaming what collides and rewriting group references', () => {
    const o = ungroup(canvas(CALLED), 'call');
    const s = saved(ok(o));
    expect(s.steps.map((x) => x.id ?? x.step)).toEqual(['a', 'p', 'p_2', 'q', 'd']);
    expect(s.steps[3].arguments).toEqual({ id: '${{ steps.p_2.result }}' });
    expect(s.steps[2].needs).toEqual(['a']);
    expect(s.groups).toBeUndefined();
    expect('note' in o && o.note).toBe('renamed p to p_2');
  });
  it('round-trips a group made from a selection', () => {
    const grouped = ok(groupSelection(canvas(FOUR), ['b', 'c'], 'g', OPS));
    const back = saved(ok(ungroup(grouped, 'g')));
    expect(back).toEqual(saved(canvas(FOUR)));
  });
  it('keeps a group another step still calls, and refuses looped or conditional calls', () => {
    const twice = CALLED.replace('  - {id: d, step: Generate UUID}', '  - {id: d, step: pair}');
    expect(Object.keys(ok(ungroup(canvas(twice), 'call')).groups)).toEqual(['pair']);
    expect(err(ungroup(canvas(CALLED.replace('needs: [a]}', 'loop: {count: 2}}')), 'call'))).toMatch(/loops over its group/);
    expect(err(ungroup(canvas(CALLED.replace('needs: [a]}', 'if: always()}')), 'call'))).toMatch(/only if always\(\)/);
    expect(err(ungroup(canvas(CALLED), 'a'))).toMatch(/calls no group/);
  });
});

describe('drop into a group, take out, reorder', () => {
  const G = `
name: t
groups:
  g:
    steps:
      - {id: one, step: Generate UUID}
      - {id: two, step: Generate UUID}
steps:
  - {id: a, step: Generate UUID}
  - {id: call, step: g}
  - {id: one, step: Wait X seconds, arguments: {duration: 1}}
  - {id: z, step: Generate UUID}
`;
  it('moves a step into the group at the place it was dropped; the order closes around where it was', () => {
    const c = ok(dropInto(canvas(G), 'one', 'call', 1));
    expect(c.groups.g.steps.map((s) => s.id)).toEqual(['one', 'one_2', 'two']);
    expect(c.groups.g.steps[1].step).toBe('Wait X seconds');
    expect(saved(c).steps.map((x) => x.id)).toEqual(['a', 'call', 'z']);
    expect(c.edges.some((e) => e.source === 'call' && e.target === 'z')).toBe(true);
  });
  it('never puts a group inside itself', () => {
    const selfish = G.replace('  - {id: z, step: Generate UUID}', '  - {id: z, step: g}');
    expect(err(dropInto(canvas(selfish), 'z', 'call', 0))).toMatch(/cannot include itself/);
    expect(reaches({ a: { steps: [{ step: 'b' }] }, b: { steps: [{ step: 'c' }] }, c: { steps: [] } }, 'a', 'c')).toBe(true);
  });
  it('takes a step out as a loose top-level step and reorders inside', () => {
    const c = ok(takeOut(canvas(G), 'g', 0, { x: 500, y: 40 }));
    expect(c.groups.g.steps.map((s) => s.id)).toEqual(['two']);
    const out = c.nodes[c.nodes.length - 1];
    expect([out.id, out.x, out.y]).toEqual(['one_2', 500, 40]);
    expect(moveWithin(canvas(G).groups, 'g', 0, 1).g.steps.map((s) => s.id)).toEqual(['two', 'one']);
  });
});

describe('container geometry', () => {
  it('stacks the steps under the header with their measured heights', () => {
    const box = containerBox('call', [{ step: 'A' }, { id: 'b', step: 'B' }], { 'call/A': { width: 220, height: 100 } });
    expect(box.children.map((c) => [c.id, c.y])).toEqual([['call/A', 78], ['call/b', 192]]);
    expect(box.height).toBe(192 + 64 + 18);
    expect(groupHeight(2)).toBe(78 + 64 + 14 + 64 + 18);
    expect(childIds('c', [{ step: 'A' }, { step: 'A' }])).toEqual(['c/A', 'c/A#2']);
  });
  it('finds the place a dropped node takes by its middle', () => {
    expect(dropIndex([78, 156], [64, 64], 90)).toBe(0);
    expect(dropIndex([78, 156], [64, 64], 120)).toBe(1);
    expect(dropIndex([78, 156], [64, 64], 400)).toBe(2);
  });
});

describe('validation problems', () => {
  it('marks a step inside a group by its place, never the top-level step of the same id', () => {
    const { inner, top } = problemsByPlace([
      { step: 'r', path: 'groups.g.steps[0].arguments.min', message: "argument 'min' must be a number" },
      { step: 'x', path: 'steps[2].needs', message: 'needs y' },
    ]);
    expect(inner).toEqual({ 'g#0': "argument 'min' must be a number" });
    expect([...top]).toEqual([['x', 'needs y']]);
  });
});
