// The editor's groups as containers: the canvas nodes of the steps inside each group call (drawn from the group's
// definition), their sizes and drags, and the edits: Group, Ungroup, a node dropped into a container, a step dragged
// out of one or to another place in it, a step of a group edited, renamed or deleted. The edits themselves are the
// pure functions of containers.ts; this hook turns React Flow's events into them and their outcomes into state.
import type { Edge, Node, NodeChange } from '@xyflow/react';
import { useMemo, useState } from 'react';
import type { StepResult } from './api';
import { GraphNode, Scenario, StepDef, stepId } from './graph';
import { Canvas, dropInto, editStep, groupSelection, moveWithin, Outcome, removeStep, takeOut, ungroup } from './containers';
import { ChildRef, containerBox, dropIndex, inside, Size } from './containerView';
import { innerRecord, progressOf } from './progress';
import type { StepData } from './StepNode';

type StepNodeT = Node<StepData>;
type Extra = Pick<Scenario, 'description' | 'groups'>;

interface Deps {
  nodes: StepNodeT[]; setNodes: (f: (ns: StepNodeT[]) => StepNodeT[]) => void;
  edges: Edge[]; setEdges: (es: Edge[]) => void;
  extra: Extra; setExtra: (f: (x: Extra) => Extra) => void;
  results: Record<string, StepResult>; selected: string | null; setSelected: (id: string | null) => void;
  snapshot: () => void; decorate: (def: StepDef) => StepData; say: (text: string) => void; operations: Set<string>;
  /** validation problems of steps inside groups, by `<group>#<index>` */
  innerProblems: Record<string, string>;
}

export function useContainers(d: Deps) {
  const [sizes, setSizes] = useState<Record<string, Size>>({});
  const [drag, setDrag] = useState<Record<string, { x: number; y: number }>>({});
  const groups = d.extra.groups ?? {};

  // the view: every top-level node, a group call as a container followed by its steps (React Flow wants parents first)
  const { view, children, inner } = useMemo(() => {
    const children = new Map<string, ChildRef>();
    const view = d.nodes.flatMap((n): Node[] => {
      const progress = progressOf(n.id, n.data.def, d.results, groups);
      const group = groups[n.data.def.step];
      if (!group) return [progress || n.data.progress ? { ...n, data: { ...n.data, progress } } : n];
      const box = containerBox(n.id, group.steps, sizes);
      const container = { ...n, type: 'container', width: box.width, height: box.height, measured: { width: box.width, height: box.height },
        data: { ...n.data, progress, group: n.data.def.step, description: group.description, width: box.width, height: box.height } };
      return [container, ...group.steps.map((s, i) => {
        const at = box.children[i];
        children.set(at.id, { call: n.id, group: n.data.def.step, index: i, inner: stepId(s) });
        return { id: at.id, type: 'step', parentId: n.id, position: drag[at.id] ?? { x: at.x, y: at.y },
          selected: d.selected === at.id, measured: sizes[at.id], zIndex: 1,
          data: { ...d.decorate(s), status: progress?.inner?.[i]?.status, inGroup: true,
            problem: d.innerProblems[`${n.data.def.step}#${i}`] } };
      })];
    });
    // the order inside each container, drawn (not edited: the order is the group's list)
    const inner: Edge[] = [];
    for (const [id, ref] of children) {
      const prev = [...children].find(([, r]) => r.call === ref.call && r.index === ref.index - 1);
      if (prev) inner.push({ id: `inner-${prev[0]}-${id}`, source: prev[0], target: id, selectable: false, deletable: false, zIndex: 1 });
    }
    return { view, children, inner };
  }, [d.nodes, d.results, d.extra.groups, sizes, drag, d.selected, d.operations, d.innerProblems]);

  const canvas = (): Canvas => ({ groups,
    nodes: d.nodes.map((n): GraphNode => ({ id: n.id, def: n.data.def, x: n.position.x, y: n.position.y })),
    edges: d.edges.map((e) => ({ id: e.id, source: e.source, target: e.target })) });
  const apply = (o: Outcome, done: string): boolean => {
    if ('error' in o) { d.say(o.error); return false; }
    d.snapshot();
    const old = new Map(d.nodes.map((n) => [n.id, n]));
    d.setNodes(() => o.canvas.nodes.map((g) => {
      const was = old.get(g.id);
      return was && was.data.def === g.def ? { ...was, position: { x: g.x, y: g.y }, selected: false }
        : { id: g.id, type: 'step', position: { x: g.x, y: g.y }, data: { ...d.decorate(g.def), breakpoint: was?.data.breakpoint } };
    }));
    d.setEdges(o.canvas.edges);
    d.setExtra((x) => ({ ...x, groups: o.canvas.groups }));
    d.setSelected(null);
    d.say(done + (o.note ? ` (${o.note})` : ''));
    return true;
  };

  /** React Flow's changes to the steps inside containers (the rest goes on to the top-level nodes). */
  const onChanges = (changes: NodeChange[]): NodeChange[] => {
    const rest: NodeChange[] = [];
    for (const c of changes) {
      const ref = 'id' in c ? children.get(c.id) : undefined;
      if (!ref) { rest.push(c); continue; }
      if (c.type === 'dimensions' && c.dimensions && (sizes[c.id]?.width !== c.dimensions.width || sizes[c.id]?.height !== c.dimensions.height)) {
        const size = c.dimensions;
        setSizes((s) => ({ ...s, [c.id]: size }));
      } else if (c.type === 'position' && c.position && c.dragging) {
        const p = c.position;
        setDrag((x) => ({ ...x, [c.id]: p }));
      } else if (c.type === 'select') {
        if (c.selected) d.setSelected(c.id); else if (d.selected === c.id) d.setSelected(null);
      } else if (c.type === 'remove') {
        d.snapshot();
        d.setExtra((x) => ({ ...x, groups: removeStep(x.groups ?? {}, ref.group, ref.index) }));
      }
    }
    return rest;
  };

  /** Where a drag ended: into a container, out of one, or to another place inside it. */
  const onDragStop = (node: Node, dragged: Node[]) => {
    const ref = children.get(node.id);
    const box = (id: string) => view.find((v) => v.id === id) as Node & { width: number; height: number } | undefined;
    const middle = (n: Node, at: { x: number; y: number }) => ({ x: at.x + (n.measured?.width ?? 220) / 2, y: at.y + (n.measured?.height ?? 64) / 2 });
    if (ref) {
      setDrag({});
      const parent = box(ref.call);
      if (!parent) return;
      const mid = middle(node, node.position);
      if (!inside({ x: 0, y: 0, width: parent.width, height: parent.height }, mid)) {
        apply(takeOut(canvas(), ref.group, ref.index, { x: parent.position.x + node.position.x, y: parent.position.y + node.position.y }),
          `Took ${ref.inner} out of group ${ref.group}`);
        return;
      }
      const siblings = view.filter((v) => children.get(v.id)?.call === ref.call && v.id !== node.id);
      const to = dropIndex(siblings.map((s) => s.position.y), siblings.map((s) => s.measured?.height ?? 64), mid.y);
      if (to !== ref.index) {
        d.snapshot();
        d.setExtra((x) => ({ ...x, groups: moveWithin(x.groups ?? {}, ref.group, ref.index, to) }));
      }
      return;
    }
    if (dragged.length !== 1 || groups[(node.data as StepData).def?.step]) return;
    const mid = middle(node, node.position);
    const target = view.find((v) => v.type === 'container' && v.id !== node.id
      && inside({ x: v.position.x, y: v.position.y, width: v.width ?? 0, height: v.height ?? 0 }, mid));
    if (!target) return;
    const steps = view.filter((v) => children.get(v.id)?.call === target.id);
    const index = dropIndex(steps.map((s) => s.position.y), steps.map((s) => s.measured?.height ?? 64), mid.y - target.position.y);
    apply(dropInto(canvas(), node.id, target.id, index), `Moved ${node.id} into group ${(target.data as StepData).def.step}`);
  };

  const groupSelected = (ids: string[]) => {
    const name = window.prompt('Name this group', 'group_' + (Object.keys(groups).length + 1));
    if (name !== null) apply(groupSelection(canvas(), ids, name, d.operations), `Grouped ${ids.length} step(s) as ${name.trim()}`);
  };
  const ungroupNode = (id: string) => apply(ungroup(canvas(), id), `Ungrouped ${id}`);

  /** The selected step inside a container: what the properties panel and the output tabs show of it. */
  const child = (() => {
    const ref = d.selected ? children.get(d.selected) : undefined;
    const steps = ref ? groups[ref.group]?.steps : undefined;
    if (!ref || !steps?.[ref.index]) return undefined;
    const call = d.nodes.find((n) => n.id === ref.call);
    return {
      ref, def: steps[ref.index],
      earlier: steps.slice(0, ref.index).map(stepId),
      background: steps.filter((s, i) => s.background && i !== ref.index).map(stepId),
      result: call ? innerRecord(ref.call, call.data.def, ref.inner, d.results) : undefined,
      onChange: (def: StepDef) => { d.snapshot(); d.setExtra((x) => ({ ...x, groups: editStep(x.groups ?? {}, ref.group, ref.index, def) })); },
      onRename: (id: string) => {
        if (!id || steps.some((s, i) => i !== ref.index && stepId(s) === id)) return;
        d.snapshot();
        d.setExtra((x) => ({ ...x, groups: editStep(x.groups ?? {}, ref.group, ref.index, { ...steps[ref.index], id }) }));
        d.setSelected(`${ref.call}/${id}`);
      },
    };
  })();

  return { view, children, inner, onChanges, onDragStop, groupSelected, ungroupNode, child };
}
