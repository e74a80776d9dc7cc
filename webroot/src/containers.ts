// Groups as containers on the canvas: the pure edits behind "Group", "Ungroup", dropping a node into a group, taking a
// step out, and editing a group's steps. A group's definition (the scenario's `groups:`) is the truth: every node
// calling it draws its steps from there, so a group called twice shows the same steps in both places.
import { GraphNode, StepDef, stepId, topoSort } from './graph';

export type Groups = Record<string, { description?: string; steps: StepDef[] }>;
export interface Seq { id: string; source: string; target: string }
/** The top-level canvas: step nodes (group calls among them), their order edges, the group definitions. */
export interface Canvas { nodes: GraphNode[]; edges: Seq[]; groups: Groups }
/** An edit's outcome: the new canvas (and a note on what it changed besides), or why it cannot be made. */
export type Outcome = { canvas: Canvas; note?: string } | { error: string };

const seq = (source: string, target: string): Seq => ({ id: `seq-${source}-${target}`, source, target });
/** {@code base}, or with a number added when taken (`_2` on an id references can name, ` 2` on a display name). */
const unique = (base: string, taken: Set<string>): string => {
  const sep = /^[A-Za-z_][\w-]*$/.test(base) ? '_' : ' ';
  let id = base;
  for (let i = 2; taken.has(id); i++) id = `${base}${sep}${i}`;
  return id;
};

/** Whether group {@code name}'s steps call {@code target}, directly or through other groups. */
export function reaches(groups: Groups, name: string, target: string, seen = new Set<string>()): boolean {
  if (name === target) return true;
  if (seen.has(name) || !groups[name]) return false;
  seen.add(name);
  return groups[name].steps.some((s) => groups[s.step] !== undefined && reaches(groups, s.step, target, seen));
}

/** Top-level nodes in run order: the order edges and needs, ties by height on the canvas. */
function runOrder(c: Canvas): string[] {
  const y = new Map(c.nodes.map((n) => [n.id, n.y]));
  const needs = c.nodes.flatMap((n) => (n.def.needs ?? []).map((need) => ({ id: '', source: need, target: n.id, needs: true })));
  return topoSort(c.nodes.map((n) => n.id), [...c.edges.map((e) => ({ ...e, needs: false })), ...needs], (id) => y.get(id) ?? 0);
}

/** Nodes outside {@code ids} that need one of them: a group's steps are out of reach of `needs` from outside. */
function neededFromOutside(c: Canvas, ids: Set<string>): string | undefined {
  for (const n of c.nodes) {
    if (ids.has(n.id)) continue;
    const need = (n.def.needs ?? []).find((x) => ids.has(x));
    if (need) return `'${n.id}' needs '${need}': a step outside a group cannot wait for one inside it`;
  }
  return undefined;
}

/** The edges with node {@code id} taken out of the order: its predecessors lead to its successors. */
function bridged(edges: Seq[], id: string): Seq[] {
  const into = edges.filter((e) => e.target === id).map((e) => e.source);
  const out = edges.filter((e) => e.source === id).map((e) => e.target);
  const kept = edges.filter((e) => e.source !== id && e.target !== id);
  for (const s of into) for (const t of out) {
    if (!kept.some((e) => e.source === s && e.target === t)) kept.push(seq(s, t));
  }
  return kept;
}

/** Makes a group {@code name} of the selected top-level steps, which must follow each other in the run order. */
export function groupSelection(c: Canvas, ids: string[], name: string, operations: Set<string>): Outcome {
  const g = name.trim();
  if (!g) return { error: 'a group needs a name' };
  if (c.groups[g]) return { error: `there is already a group '${g}'` };
  if (operations.has(g)) return { error: `'${g}' is an operation's name` };
  const chosen = new Set(ids.filter((id) => c.nodes.some((n) => n.id === id)));
  if (!chosen.size) return { error: 'select the steps to group' };
  if (c.nodes.some((n) => n.id === g && !chosen.has(n.id))) return { error: `a step is already called '${g}'` };
  let order: string[];
  try { order = runOrder(c); } catch (e) { return { error: (e as Error).message }; }
  const at = order.map((id, i) => (chosen.has(id) ? i : -1)).filter((i) => i >= 0);
  const between = order.slice(at[0], at[at.length - 1] + 1).find((id) => !chosen.has(id));
  if (between) return { error: `'${between}' runs between the selected steps: select steps that follow each other` };
  const outside = neededFromOutside(c, chosen);
  if (outside) return { error: outside };
  const inner = order.filter((id) => chosen.has(id)).map((id) => c.nodes.find((n) => n.id === id)!);
  const callNeeds = new Set<string>();
  const steps = inner.map((n) => {
    const def: StepDef = { ...n.def };
    const kept = (def.needs ?? []).filter((x) => chosen.has(x));
    (def.needs ?? []).filter((x) => !chosen.has(x)).forEach((x) => callNeeds.add(x));
    if (kept.length) def.needs = kept; else delete def.needs;
    return def;
  });
  const call: GraphNode = { id: g, def: callNeeds.size ? { step: g, needs: [...callNeeds] } : { step: g },
    x: Math.min(...inner.map((n) => n.x)), y: Math.min(...inner.map((n) => n.y)) };
  const edges: Seq[] = [];
  const add = (s: string, t: string) => { if (s !== t && !edges.some((e) => e.source === s && e.target === t)) edges.push(seq(s, t)); };
  for (const e of c.edges) {
    if (chosen.has(e.source) && chosen.has(e.target)) continue;
    add(chosen.has(e.source) ? g : e.source, chosen.has(e.target) ? g : e.target);
  }
  const first = c.nodes.findIndex((n) => chosen.has(n.id));
  const nodes = c.nodes.filter((n) => !chosen.has(n.id));
  nodes.splice(Math.min(first, nodes.length), 0, call);
  return { canvas: { nodes, edges, groups: { ...c.groups, [g]: { steps } } },
    note: callNeeds.size ? `the group's call waits for ${[...callNeeds].join(', ')}` : undefined };
}

/** Rewrites references in a step's arguments, condition and loop: `group.<id>` becomes `steps.<id>`, ids renamed. */
function inlined(def: StepDef, renamed: Map<string, string>): StepDef {
  const text = (s: string) => s.replace(/\b(group|steps)\.([A-Za-z_][\w-]*)/g,
    (_m, _k, id: string) => 'steps.' + (renamed.get(id) ?? id));
  const walk = (v: unknown): unknown => (typeof v === 'string' ? text(v) : Array.isArray(v) ? v.map(walk)
    : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)])) : v);
  const out: StepDef = { ...def };
  if (def.arguments) out.arguments = walk(def.arguments) as Record<string, unknown>;
  if (def.if) out.if = text(def.if);
  if (def.loop) out.loop = walk(def.loop) as Record<string, unknown>;
  if (def.needs) out.needs = def.needs.map((x) => renamed.get(x) ?? x);
  return out;
}

/** Puts a group call's steps in its place on the canvas; the group's definition goes when nothing else calls it. */
export function ungroup(c: Canvas, callId: string): Outcome {
  const call = c.nodes.find((n) => n.id === callId);
  const group = call && c.groups[call.def.step];
  if (!call || !group) return { error: `'${callId}' calls no group` };
  if (call.def.loop) return { error: `'${callId}' loops over its group: its steps cannot be put in its place` };
  if (call.def.if) return { error: `'${callId}' runs its group only if ${call.def.if}: remove the condition first` };
  const taken = new Set(c.nodes.filter((n) => n.id !== callId).map((n) => n.id));
  const renamed = new Map<string, string>();
  for (const s of group.steps) {
    const id = unique(stepId(s), taken);
    taken.add(id);
    if (id !== stepId(s)) renamed.set(stepId(s), id);
  }
  const inner: GraphNode[] = group.steps.map((s, i) => {
    const def = inlined(s, renamed);
    const id = renamed.get(stepId(s)) ?? stepId(s);
    if (id !== stepId(s)) def.id = id;
    if (i === 0 && call.def.needs?.length) def.needs = [...new Set([...call.def.needs, ...(def.needs ?? [])])];
    if (call.def['continue-on-error']) def['continue-on-error'] = true;
    return { id, def, x: call.x, y: call.y + i * 110 };
  });
  if (!inner.length) return { error: `group '${call.def.step}' has no steps` };
  const shift = (inner.length - 1) * 110;
  const nodes = c.nodes.flatMap((n) => (n.id === callId ? inner : [n.y > call.y ? { ...n, y: n.y + shift } : n]));
  const edges = c.edges.flatMap((e) => (e.source === callId ? [seq(inner[inner.length - 1].id, e.target)]
    : e.target === callId ? [seq(e.source, inner[0].id)] : [e]));
  for (let i = 1; i < inner.length; i++) edges.push(seq(inner[i - 1].id, inner[i].id));
  const groups = { ...c.groups };
  if (!nodes.some((n) => n.def.step === call.def.step)
      && !Object.values(groups).some((x) => x.steps.some((s) => s.step === call.def.step))) delete groups[call.def.step];
  return { canvas: { nodes, edges, groups },
    note: renamed.size ? 'renamed ' + [...renamed].map(([a, b]) => `${a} to ${b}`).join(', ') : undefined };
}

/** Moves a top-level step into the group {@code callId} calls, at {@code index} among its steps. */
export function dropInto(c: Canvas, nodeId: string, callId: string, index: number): Outcome {
  const node = c.nodes.find((n) => n.id === nodeId);
  const call = c.nodes.find((n) => n.id === callId);
  const name = call?.def.step;
  if (!node || !call || !name || !c.groups[name]) return { error: `'${callId}' calls no group` };
  if (c.groups[node.def.step] && reaches(c.groups, node.def.step, name)) return { error: `group '${name}' cannot include itself` };
  const outside = neededFromOutside(c, new Set([nodeId]));
  if (outside) return { error: outside };
  const steps = [...c.groups[name].steps];
  const def: StepDef = { ...node.def };
  const id = unique(stepId(def), new Set(steps.map(stepId)));
  if (id !== stepId(def)) def.id = id;
  const dropped = def.needs ?? [];
  delete def.needs;
  steps.splice(Math.max(0, Math.min(index, steps.length)), 0, def);
  return { canvas: { nodes: c.nodes.filter((n) => n.id !== nodeId), edges: bridged(c.edges, nodeId),
    groups: { ...c.groups, [name]: { ...c.groups[name], steps } } },
    note: dropped.length ? `'${id}' no longer waits for ${dropped.join(', ')} (outside the group)` : undefined };
}

/** Takes step {@code index} out of group {@code name}: a top-level step at {@code at}, not yet in the order. */
export function takeOut(c: Canvas, name: string, index: number, at: { x: number; y: number }): Outcome {
  const steps = [...(c.groups[name]?.steps ?? [])];
  const step = steps[index];
  if (!step) return { error: `group '${name}' has no step ${index + 1}` };
  steps.splice(index, 1);
  const gone = stepId(step);
  const rest = steps.map((s) => (s.needs?.includes(gone) ? { ...s, needs: s.needs.filter((x) => x !== gone) } : s))
    .map((s) => (s.needs && !s.needs.length ? (({ needs: _n, ...x }) => x)(s) : s));
  const id = unique(gone, new Set(c.nodes.map((n) => n.id)));
  const def = inlined(step, new Map());
  delete def.needs;
  if (id !== gone) def.id = id;
  return { canvas: { nodes: [...c.nodes, { id, def, x: at.x, y: at.y }], edges: c.edges,
    groups: { ...c.groups, [name]: { ...c.groups[name], steps: rest } } } };
}

/** Moves step {@code from} of group {@code name} to position {@code to}. */
export function moveWithin(groups: Groups, name: string, from: number, to: number): Groups {
  const steps = [...groups[name].steps];
  const [s] = steps.splice(from, 1);
  steps.splice(Math.max(0, Math.min(to, steps.length)), 0, s);
  return { ...groups, [name]: { ...groups[name], steps } };
}

/** Replaces step {@code index} of group {@code name} (an edit in the properties panel). */
export function editStep(groups: Groups, name: string, index: number, def: StepDef): Groups {
  return { ...groups, [name]: { ...groups[name], steps: groups[name].steps.map((s, i) => (i === index ? def : s)) } };
}

/** Removes step {@code index} of group {@code name}. */
export function removeStep(groups: Groups, name: string, index: number): Groups {
  return { ...groups, [name]: { ...groups[name], steps: groups[name].steps.filter((_, i) => i !== index) } };
}
