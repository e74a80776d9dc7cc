// "Group by phase" on the canvas: the lanes drawn behind the nodes (never saved, never among the editor's nodes) and
// where the nodes were before, restored when it is turned off.
import type { Node } from '@xyflow/react';
import { useMemo, useRef, useState } from 'react';
import { GraphEdge, topoSort } from './graph';
import { type Lane, phaseLanes } from './lanes';

type Positioned = Node<{ phase?: string | null }>;

export function usePhaseLanes<N extends Positioned>(nodes: N[], setNodes: (f: (ns: N[]) => N[]) => void,
  edges: () => GraphEdge[], heights: () => Record<string, number>, fit: () => void) {
  const [lanes, setLanes] = useState<Lane[]>([]);
  const before = useRef<Map<string, { x: number; y: number }>>(new Map());

  /** Lanes side by side in flight order, each in run order; again: the layout from before. */
  const toggle = () => {
    if (lanes.length) {
      const was = before.current;
      setNodes((ns) => ns.map((n) => (was.has(n.id) ? { ...n, position: was.get(n.id)! } : n)));
      setLanes([]);
      setTimeout(fit, 0);
      return;
    }
    before.current = new Map(nodes.map((n) => [n.id, n.position]));
    let order: string[];
    try {
      const y = new Map(nodes.map((n) => [n.id, n.position.y]));
      order = topoSort(nodes.map((n) => n.id), edges(), (id) => y.get(id) ?? 0);
    } catch {
      order = [...nodes].sort((a, b) => a.position.y - b.position.y).map((n) => n.id);
    }
    const { positions, lanes: next } = phaseLanes(Object.fromEntries(nodes.map((n) => [n.id, n.data.phase])), order, heights());
    setNodes((ns) => ns.map((n) => (positions[n.id] ? { ...n, position: positions[n.id] } : n)));
    setLanes(next);
    setTimeout(fit, 0);
  };

  // their size is given, not measured
  const view = useMemo(() => lanes.map((l) => ({ id: 'lane:' + l.phase, type: 'lane', position: { x: l.x, y: 0 }, draggable: false,
    selectable: false, focusable: false, zIndex: -1, width: l.width, height: l.height,
    measured: { width: l.width, height: l.height }, data: { phase: l.phase, width: l.width, height: l.height } })), [lanes]);
  return { lanes, off: () => setLanes([]), toggle, view };
}
