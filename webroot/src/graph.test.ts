import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { dumpYaml, layout, parseYaml, reference, toGraph, toScenario, topoSort } from './graph';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? yamlFiles(p) : p.endsWith('.yaml') ? [p] : [];
  });
}

describe('topological sort', () => {
  it('orders by edges, then by position', () => {
    const edges = [{ id: 'a', source: 'a', target: 'c', needs: false }, { id: 'b', source: 'b', target: 'c', needs: true }];
    expect(topoSort(['c', 'b', 'a'], edges, (id) => ({ a: 1, b: 2, c: 0 } as Record<string, number>)[id])).toEqual(['a', 'b', 'c']);
  });
  it('names a cycle', () => {
    const edges = [{ id: '1', source: 'a', target: 'b', needs: false }, { id: '2', source: 'b', target: 'a', needs: false }];
    expect(() => topoSort(['a', 'b'], edges)).toThrow(/cycle through a, b/);
  });
});

describe('graph <-> YAML round trip', () => {
  const files = yamlFiles(join(__dirname, '../../scenarios'));
  it('finds the shipped scenarios', () => expect(files.length).toBeGreaterThanOrEqual(11));
  for (const f of files) {
    it(f.split('/scenarios/')[1], () => {
      const original = parseYaml(readFileSync(f, 'utf8'));
      const { nodes, edges } = toGraph(original);
      const back = toScenario(original, nodes, edges);
      expect(yaml.load(dumpYaml(back))).toEqual(yaml.load(dumpYaml(original)));
    });
  }
});

describe('reference picker', () => {
  it('builds step references', () => {
    expect(reference('setup')).toBe('${{ steps.setup.result }}');
    expect(reference('two', 'declarations[0].id')).toBe('${{ steps.two.result.declarations[0].id }}');
  });
});

describe('parallel branches', () => {
  const node = (id: string, x: number, y: number) => ({ id, def: { id, step: 'Generate UUID' }, x, y });
  const seq = (a: string, b: string) => ({ id: a + b, source: a, target: b, needs: false });
  it('a fork becomes background steps and the join needs them', () => {
    const nodes = [node('a', 40, 40), node('b', 40, 150), node('c', 340, 150), node('d', 40, 260)];
    const s = toScenario({ name: 'diamond' }, nodes, [seq('a', 'b'), seq('a', 'c'), seq('b', 'd'), seq('c', 'd')]);
    expect(s.steps.map((x) => x.id)).toEqual(['a', 'c', 'b', 'd']);
    expect(s.steps[1].background).toBe(true);
    expect(s.steps[2].background).toBeUndefined();
    expect(s.steps[3].needs).toEqual(['c']);
  });
  it('a chain stays a chain', () => {
    const s = toScenario({ name: 'chain' }, [node('a', 40, 40), node('b', 40, 150)], [seq('a', 'b')]);
    expect(s.steps.every((x) => !x.background && !x.needs)).toBe(true);
  });
});

describe('auto layout', () => {
  it('puts every step below the one before it', () => {
    const { nodes, edges } = toGraph({ name: 'x', steps: [{ step: 'A' }, { step: 'B' }, { step: 'C', needs: ['A'] }] });
    const laid = layout(nodes.map((n) => ({ ...n, x: 0, y: 0 })), edges);
    expect(laid[1].y).toBeGreaterThan(laid[0].y);
    expect(laid[2].y).toBeGreaterThan(laid[1].y);
  });
});
