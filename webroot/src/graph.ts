// Scenario <-> graph: the pure logic of the editor (tested with vitest).
import dagre from '@dagrejs/dagre';
import yaml from 'js-yaml';

export interface StepDef {
  id?: string;
  step: string;
  arguments?: Record<string, unknown>;
  needs?: string[];
  background?: boolean;
  description?: string;
  if?: string;
  loop?: Record<string, unknown>;
  'continue-on-error'?: boolean;
}

export interface Scenario {
  name: string;
  description?: string;
  groups?: Record<string, { description?: string; steps: StepDef[] }>;
  steps: StepDef[];
}

export interface GraphNode { id: string; def: StepDef; x: number; y: number }
export interface GraphEdge { id: string; source: string; target: string; needs: boolean }

export const stepId = (s: StepDef): string => (s.id && s.id.trim()) || s.step;

/** Top-to-bottom layout of the graph (dagre): ranks follow the order edges and needs. */
export function layout(nodes: GraphNode[], edges: GraphEdge[],
  size: (id: string) => { width: number; height: number } = () => ({ width: 220, height: 64 })): GraphNode[] {
  const g = new dagre.graphlib.Graph();
  g.setGraph({ rankdir: 'TB', nodesep: 40, ranksep: 50 });
  g.setDefaultEdgeLabel(() => ({}));
  nodes.forEach((n) => g.setNode(n.id, size(n.id)));
  edges.filter((e) => nodes.some((n) => n.id === e.source) && nodes.some((n) => n.id === e.target))
    .forEach((e) => g.setEdge(e.source, e.target));
  dagre.layout(g);
  return nodes.map((n) => { const p = g.node(n.id); const s = size(n.id); return { ...n, x: p.x - s.width / 2, y: p.y - s.height / 2 }; });
}

/** Nodes in file order, laid out top to bottom (each {@code height(def)} tall); edges for the order, dashed ones for needs. */
export function toGraph(s: Scenario, height: (def: StepDef) => number = () => 64): { nodes: GraphNode[]; edges: GraphEdge[] } {
  let y = 40;
  const nodes = s.steps.map((def) => { const n = { id: stepId(def), def, x: def.background ? 340 : 40, y }; y += height(def) + 46; return n; });
  const edges: GraphEdge[] = [];
  for (let i = 1; i < nodes.length; i++) {
    edges.push({ id: `seq-${nodes[i - 1].id}-${nodes[i].id}`, source: nodes[i - 1].id, target: nodes[i].id, needs: false });
  }
  for (const n of nodes) {
    for (const need of n.def.needs ?? []) {
      edges.push({ id: `needs-${need}-${n.id}`, source: need, target: n.id, needs: true });
    }
  }
  return { nodes, edges };
}

/**
 * Parallel branches of the graph as the scenario format says them: where the order forks, the leftmost next step
 * stays in the foreground and the others run in the background; where branches meet, the step needs the other
 * branches' last steps.
 */
export function parallelBranches(nodes: GraphNode[], edges: GraphEdge[]): { background: Set<string>; needs: Map<string, string[]> } {
  const x = (id: string) => nodes.find((n) => n.id === id)?.x ?? 0;
  const seq = edges.filter((e) => !e.needs);
  const background = new Set<string>();
  const needs = new Map<string, string[]>();
  for (const n of nodes) {
    const next = seq.filter((e) => e.source === n.id).map((e) => e.target).sort((a, b) => x(a) - x(b));
    next.slice(1).forEach((id) => background.add(id));
    const prev = seq.filter((e) => e.target === n.id).map((e) => e.source).sort((a, b) => x(a) - x(b));
    if (prev.length > 1) needs.set(n.id, prev.slice(1));
  }
  return { background, needs };
}

/** Back to a scenario: steps in topological order of the graph (ties by vertical position, background first). */
export function toScenario(base: Omit<Scenario, 'steps'>, nodes: GraphNode[], edges: GraphEdge[]): Scenario {
  const branches = parallelBranches(nodes, edges);
  const isBackground = (id: string) => branches.background.has(id) || !!nodes.find((n) => n.id === id)?.def.background;
  const order = topoSort(nodes.map((n) => n.id), edges,
    (id) => (nodes.find((n) => n.id === id)?.y ?? 0) - (isBackground(id) ? 0.5 : 0));
  const steps = order.map((id) => {
    const n = nodes.find((x) => x.id === id)!;
    const needs = [...new Set([...edges.filter((e) => e.needs && e.target === id).map((e) => e.source),
      ...(branches.needs.get(id) ?? [])])];
    const def: StepDef = { ...n.def };
    if (needs.length) def.needs = needs; else delete def.needs;
    if (branches.background.has(id)) def.background = true;
    return def;
  });
  const out: Scenario = { name: base.name, steps };
  if (base.description) out.description = base.description;
  if (base.groups && Object.keys(base.groups).length) out.groups = base.groups;
  return out;
}

/** Kahn's algorithm; a cycle throws naming the nodes in it. */
export function topoSort(ids: string[], edges: GraphEdge[], rank: (id: string) => number = () => 0): string[] {
  const indeg = new Map(ids.map((id) => [id, 0]));
  const next = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of edges) {
    if (!indeg.has(e.source) || !indeg.has(e.target)) continue;
    indeg.set(e.target, (indeg.get(e.target) ?? 0) + 1);
    next.get(e.source)!.push(e.target);
  }
  const ready = ids.filter((id) => indeg.get(id) === 0).sort((a, b) => rank(a) - rank(b));
  const out: string[] = [];
  while (ready.length) {
    const id = ready.shift()!;
    out.push(id);
    for (const t of next.get(id)!) {
      indeg.set(t, indeg.get(t)! - 1);
      if (indeg.get(t) === 0) { ready.push(t); ready.sort((a, b) => rank(a) - rank(b)); }
    }
  }
  if (out.length !== ids.length) {
    throw new Error('the graph has a cycle through ' + ids.filter((id) => !out.includes(id)).join(', '));
  }
  return out;
}

export const parseYaml = (text: string): Scenario => {
  const v = yaml.load(text) as Scenario;
  if (!v || typeof v !== 'object' || !Array.isArray(v.steps)) throw new Error('not a scenario: it needs steps');
  return v;
};

export const dumpYaml = (s: Scenario): string => yaml.dump(s, { lineWidth: 120, noRefs: true });

/** `${{ steps.<id>.result.<path> }}` for the reference picker. */
export const reference = (id: string, path = ''): string => '${{ steps.' + id + '.result' + (path ? '.' + path : '') + ' }}';
