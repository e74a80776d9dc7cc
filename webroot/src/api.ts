// HTTP calls of the editor; every error answer carries {error, message, detail, details}.
import type { Scenario, StepDef } from './graph';

export interface Param { name: string; type: string; default: unknown; required: boolean; description?: string; isEnum?: boolean; options?: { name: string; value: unknown }[] }
export interface Operation { id: string; name: string; category: string; client: string; description: string; phase: string | null; parameters: Param[] }
export interface StepResult { id: string; name: string; status: string; duration: number; wall_duration?: number; result: unknown; error_message: string | null; logs: string[]; task_id?: string }
export interface ConfigProblem { path: string; message: string; line?: number; column?: number }
export interface Problem { line?: number; column?: number; step?: string; path?: string; message: string }

async function call<T>(method: string, path: string, body?: unknown, session?: string): Promise<T> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json' };
  if (session) headers['X-Session-Id'] = session;
  const r = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await r.text();
  const json = text ? JSON.parse(text) : null;
  if (!r.ok) {
    const err = new Error(json?.message ?? r.statusText) as Error & { details?: unknown; status?: number };
    err.details = json?.details;
    err.status = r.status;
    throw err;
  }
  return json as T;
}

export const api = {
  health: () => call<{ status: string }>('GET', '/health'),
  operations: () => call<Operation[]>('GET', '/operations'),
  scenarios: () => call<string[]>('GET', '/api/scenarios'),
  suites: () => call<Record<string, string[]>>('GET', '/api/suites'),
  scenario: (id: string) => call<Scenario>('GET', '/api/scenarios/' + id),
  docs: async (id: string) => { const r = await fetch('/api/scenarios/' + id + '/docs'); return r.ok ? r.text() : ''; },
  save: (id: string, s: Scenario) => call<{ status: string; problems: Problem[] }>('POST', '/api/scenarios/' + id, s),
  validate: (s: Scenario) => call<{ valid: boolean; problems: Problem[] }>('POST', '/api/scenarios/validate', { scenario: s }),
  session: (id: string) => call<{ session_id: string }>('GET', '/api/sessions/' + encodeURIComponent(id)),
  createSession: () => call<{ session_id: string }>('POST', '/api/sessions', {}),
  reset: (session: string) => call('POST', '/session/reset', {}, session),
  // the scenario a session steps through: /api/step may then call its groups; success()/failure() start afresh
  loadScenario: (session: string, s: Scenario) => call<{ status: string; groups: string[] }>('POST',
    '/api/sessions/' + encodeURIComponent(session) + '/scenario', { scenario: s }, session),
  step: (session: string, def: StepDef & { run_in_background?: boolean }) =>
    call<StepResult & { task_id?: string }>('POST', '/api/step', def, session),
  join: (session: string, taskId: string) => call<StepResult>('POST', '/api/tasks/' + taskId + '/join', undefined, session),
  runAsync: (session: string, s: Scenario, breakpoints: string[] = []) => call<{ run_id: string }>('POST',
    '/run-scenario-async' + (breakpoints.length ? '?breakpoints=' + encodeURIComponent(breakpoints.join(',')) : ''),
    { scenario: s }, session),
  resolve: (session: string, args: Record<string, unknown>) => call<{ resolved_arguments: Record<string, unknown> }>('POST',
    '/api/sessions/' + encodeURIComponent(session) + '/resolve', { arguments: args }, session),
  pause: (session: string) => call('POST', '/api/sessions/' + encodeURIComponent(session) + '/pause', {}, session),
  resume: (session: string, body: { step_id: string; mode: 'step' | 'continue'; arguments?: Record<string, unknown> }) =>
    call('POST', '/api/sessions/' + encodeURIComponent(session) + '/resume', body, session),
  stop: (session: string) => call<{ stopped: boolean }>('POST', '/stop-scenario', {}, session),
  // the toolkit's shape: every section at the top level, beside version, run_id and config_path
  config: () => call<Record<string, unknown> & { config_path: string }>('GET', '/api/config'),
  saveConfig: (patch: Record<string, unknown>) =>
    call<{ status: string; applied: string[]; restart_required: string[]; config_path: string }>('PUT', '/api/config', patch),
  generateReport: (session: string, name: string) =>
    call<{ status: string; report_id: string }>('POST', '/session/generate-report', { scenario_name: name }, session),
  input: (session: string) => call('POST', '/api/sessions/' + session + '/input', { value: 'confirmed in the editor' }),
};
