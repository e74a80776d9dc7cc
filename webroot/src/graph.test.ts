import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import yaml from 'js-yaml';
import { dumpYaml, parseYaml, reference, toGraph, toScenario, topoSort } from './graph';

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
