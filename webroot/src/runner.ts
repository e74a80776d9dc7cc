// Step-by-step runs in the browser, as the design note describes: topological order, one /api/step per node
// (run_in_background for background nodes, step_id so results land in the session), joins for `needs`.
import { api, StepResult } from './api';
import { GraphEdge, GraphNode, topoSort } from './graph';

export type Status = 'waiting' | 'running' | 'success' | 'failure' | 'skipped';

export async function runStepByStep(session: string, nodes: GraphNode[], edges: GraphEdge[],
  setStatus: (id: string, s: Status, r?: StepResult) => void, stopped: () => boolean): Promise<boolean> {
  const order = topoSort(nodes.map((n) => n.id), edges, (id) => nodes.find((n) => n.id === id)?.y ?? 0);
  order.forEach((id) => setStatus(id, 'waiting'));
  const tasks = new Map<string, string>();
  let failed = false;
  for (const id of order) {
    const n = nodes.find((x) => x.id === id)!;
    if (stopped()) { setStatus(id, 'skipped'); continue; }
    const cond = n.def.if?.replace(/\s/g, '');
    if (failed && cond !== 'always()' && cond !== 'failure()') { setStatus(id, 'skipped'); continue; }
    for (const need of n.def.needs ?? []) {
      const task = tasks.get(need);
      if (task) {
        const r = await api.join(session, task).catch(() => null);
        setStatus(need, (r?.status as Status) ?? 'failure', r ?? undefined);
        tasks.delete(need);
      }
    }
    setStatus(id, 'running');
    try {
      const { if: _if, needs: _needs, loop: _loop, background, ...def } = n.def;
      const r = await api.step(session, { ...def, id, run_in_background: !!background });
      if (background && r.task_id) { tasks.set(id, r.task_id); continue; }
      setStatus(id, r.status as Status, r);
      if (r.status === 'failure' && !n.def['continue-on-error']) failed = true;
    } catch (e) {
      setStatus(id, 'failure', { id, name: n.def.step, status: 'failure', duration: 0, result: null,
        error_message: (e as Error).message, logs: [] });
      if (!n.def['continue-on-error']) failed = true;
    }
  }
  for (const [id, task] of tasks) {
    const r = await api.join(session, task).catch(() => null);
    setStatus(id, (r?.status as Status) ?? 'failure', r ?? undefined);
  }
  return !failed;
}
