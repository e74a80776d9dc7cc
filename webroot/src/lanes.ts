// "Group by phase": the flight's phases as swimlanes side by side (PRE FLIGHT, CRUISE, POST FLIGHT, then any other
// phase, then steps without one), each lane's steps top to bottom in the order the scenario runs them.

export const LANE_ORDER = ['PRE FLIGHT', 'CRUISE', 'POST FLIGHT'];
export const NO_PHASE = 'ANY PHASE';
export const LANE_WIDTH = 280;
export const ROW = 110;
const TOP = 50;

export interface Lane { phase: string; x: number; width: number; height: number }

/**
 * Where each node goes and the lanes behind them; {@code order}: node ids in run order; {@code heights}: of the nodes
 * taller than a step (a group's container), each of which takes that much more room in its lane.
 */
export function phaseLanes(phases: Record<string, string | null | undefined>, order: string[], heights: Record<string, number> = {}):
  { positions: Record<string, { x: number; y: number }>; lanes: Lane[] } {
  const byLane = new Map<string, string[]>();
  for (const id of order) {
    const phase = phases[id] ?? NO_PHASE;
    byLane.set(phase, [...(byLane.get(phase) ?? []), id]);
  }
  const rank = (p: string) => (p === NO_PHASE ? 1000 : LANE_ORDER.includes(p) ? LANE_ORDER.indexOf(p) : 100);
  const lanes = [...byLane.keys()].sort((a, b) => rank(a) - rank(b));
  const positions: Record<string, { x: number; y: number }> = {};
  const out: Lane[] = [];
  lanes.forEach((phase, i) => {
    const ids = byLane.get(phase)!;
    let y = TOP;
    ids.forEach((id) => { positions[id] = { x: i * LANE_WIDTH + 30, y }; y += ROW + Math.max(0, (heights[id] ?? 0) - 64); });
    out.push({ phase, x: i * LANE_WIDTH, width: LANE_WIDTH - 20, height: y + 10 });
  });
  return { positions, lanes: out };
}
