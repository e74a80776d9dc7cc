// Step-by-step runs in the browser (the seed's design: the browser orchestrates, the backend runs each step): the
// scenario is loaded into the session (its groups become callable), then each node goes to /api/step as it stands,
// with its own condition or success(), so the backend's one engine decides what it does (if, loop, needs, groups,
// continue-on-error) exactly as in a whole run. Background nodes go with run_in_background and are joined by their
// task UUID where a later node needs them, and at the end.
import { api, StepResult } from './api';
import { StepPauses } from './breakpoints';
import { Scenario, stepId } from './graph';

export type Status = 'waiting' | 'running' | 'success' | 'failure' | 'skipped';

/** The debugger in step-by-step mode: pause before these nodes (and after a Step) with their resolved arguments. */
export interface StepDebug {
  breakpoints: Set<string>;
  /** Whether the user asked to pause before the next node (Pause); reading it clears the request. */
  requested?: () => boolean;
  /** Resolves with how to go on (edited arguments replace the node's for this run), or null to stop the run. */
  pause: (id: string, resolved: Record<string, unknown>) => Promise<{ mode: 'step' | 'continue'; args?: Record<string, unknown> } | null>;
}

export async function runStepByStep(session: string, scenario: Scenario,
  setStatus: (id: string, s: Status | 'paused', r?: StepResult) => void, stopped: () => boolean,
  debug?: StepDebug): Promise<boolean> {
  const pauses = new StepPauses(debug?.breakpoints ?? new Set());
  let halted = false;
  await api.loadScenario(session, scenario);
  scenario.steps.forEach((s) => setStatus(stepId(s), 'waiting'));
  const tasks = new Map<string, string>();
  let failed = false;
  const settle = async (id: string, task: string) => {
    const r = await api.join(session, task).catch(() => null);
    setStatus(id, (r?.status as Status) ?? 'failure', r ?? undefined);
    if (r?.status === 'failure') failed = true;
    tasks.delete(id);
  };
  for (const s of scenario.steps) {
    const id = stepId(s);
    if (stopped() || halted) { setStatus(id, 'skipped'); continue; }
    for (const need of s.needs ?? []) {
      const task = tasks.get(need);
      if (task) await settle(need, task);
    }
    const { background, ...def } = s;
    if (debug && pauses.before(id, () => debug.requested?.() ?? false)) {
      // what the backend would resolve the node's ${{ }} to now (as written when it cannot yet)
      const resolved = await api.resolve(session, s.arguments ?? {}).then((r) => r.resolved_arguments)
        .catch(() => s.arguments ?? {});
      setStatus(id, 'paused');
      const answer = await debug.pause(id, resolved);
      if (!answer) { halted = true; setStatus(id, 'skipped'); continue; }
      pauses.answered(answer.mode);
      if (answer.args) def.arguments = answer.args;
    }
    setStatus(id, 'running');
    try {
      const r = await api.step(session, { ...def, id, if: s.if ?? 'success()', ...(background ? { run_in_background: true } : {}) });
      if (background && r.task_id) { tasks.set(id, r.task_id); continue; }
      setStatus(id, r.status as Status, r);
      if (r.status === 'failure' && !s['continue-on-error']) failed = true;
    } catch (e) {
      setStatus(id, 'failure', { id, name: s.step, status: 'failure', duration: 0, result: null,
        error_message: (e as Error).message, logs: [] });
      if (!s['continue-on-error']) failed = true;
    }
  }
  for (const [id, task] of [...tasks]) await settle(id, task);
  return !failed;
}
