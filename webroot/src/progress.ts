// What a loop node or a group node shows of the records inside it: iterations done of how many (and the first that
// failed), or its inner steps' statuses. Read from the records the editor holds by id (a run's events and step
// results): "id[i]" for iterations, "<inner id>" or "id[i].<inner id>" for a group's steps.
import { StepDef, stepId } from './graph';

export interface Progress { done: number; total?: number; failed?: string; inner?: { id: string; status: string }[] }
type Records = Record<string, { status: string; result?: unknown } | undefined>;
type Groups = Record<string, { steps: StepDef[] }> | undefined;

const ENDED = new Set(['success', 'failure', 'skipped']);

export function progressOf(id: string, def: StepDef, given: Records, groups: Groups): Progress | undefined {
  const group = groups?.[def.step];
  const records = merged(id, given);
  if (def.loop) {
    const iteration = new RegExp('^' + id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\[(\\d+)\\]$');
    const ids = Object.keys(records).filter((k) => iteration.test(k))
      .sort((a, b) => Number(iteration.exec(a)![1]) - Number(iteration.exec(b)![1]));
    const ended = ids.filter((k) => ENDED.has(records[k]!.status));
    const failed = ids.find((k) => records[k]!.status === 'failure');
    const p: Progress = { done: ended.length, total: total(def, records[id]), failed };
    // a looped group's latest iteration: the highest index any of its records names (its own record comes at its end)
    const started = startedIterations(id, records);
    if (group && (ids.length || started.length)) {
      const last = Math.max(...started, ...ids.map((k) => Number(iteration.exec(k)![1])));
      p.inner = group.steps.map((g) => ({ id: stepId(g), status: records[`${id}[${last}].${stepId(g)}`]?.status ?? 'waiting' }));
    }
    return ids.length || records[id] || p.inner ? p : undefined;
  }
  if (group) {
    const inner = group.steps.map((g) => ({ id: stepId(g), status: records[stepId(g)]?.status ?? 'waiting' }));
    return inner.some((s) => s.status !== 'waiting') ? { done: inner.filter((s) => ENDED.has(s.status)).length,
      total: inner.length, inner } : undefined;
  }
  return undefined;
}

/** The records by id, with those a loop's or group's own finished record lists inside it (all a step-by-step run gets back). */
function merged(id: string, given: Records): Records {
  const inside = (given[id]?.result as { results?: { id?: string; status: string }[] } | undefined)?.results;
  return Array.isArray(inside) ? { ...Object.fromEntries(inside.filter((r) => r && r.id).map((r) => [r.id!, r])), ...given } : given;
}

/** The iterations of looped group {@code id} that any record names ("id[i].<inner id>"). */
function startedIterations(id: string, records: Records): number[] {
  const within = new RegExp('^' + id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&') + '\\[(\\d+)\\]\\.');
  return Object.keys(records).map((k) => within.exec(k)).filter((m) => m).map((m) => Number(m![1]));
}

/** The record of step {@code inner} of the group {@code id} calls: its own id, or that of the latest iteration. */
export function innerRecord<R>(id: string, def: StepDef, inner: string, given: Record<string, R | undefined>): R | undefined {
  const records = merged(id, given as Records) as Record<string, R | undefined>;
  if (!def.loop) return records[inner];
  const started = startedIterations(id, records as Records).filter((i) => records[`${id}[${i}].${inner}`]);
  return started.length ? records[`${id}[${Math.max(...started)}].${inner}`] : undefined;
}

/** A loop's length: its count or items when written literally, else what its finished record says. */
function total(def: StepDef, aggregate?: { result?: unknown }): number | undefined {
  const r = aggregate?.result as { iterations?: number } | undefined;
  if (r && typeof r.iterations === 'number') return r.iterations;
  const loop = def.loop as { count?: unknown; items?: unknown };
  if (typeof loop.count === 'number') return loop.count;
  if (Array.isArray(loop.items)) return loop.items.length;
  return undefined;
}
