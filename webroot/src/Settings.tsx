import { useEffect, useState } from 'react';
import { api, ConfigProblem } from './api';

/** The fields the settings screen edits: a key path and how to show it. */
const FIELDS: { path: string; label: string; options?: string[] }[] = [
  { path: 'flight_blender.url', label: 'Flight Blender URL (empty: embedded emulator)' },
  { path: 'flight_blender.auth.type', label: 'Flight Blender auth', options: ['none', 'passport', 'oauth2'] },
  { path: 'flight_blender.auth.client_id', label: 'Passport client id' },
  { path: 'flight_blender.auth.client_secret', label: 'Passport client secret' },
  { path: 'amqp.url', label: 'AMQP URL' },
  { path: 'amqp.routing_key', label: 'AMQP routing key' },
  { path: 'opensky.url', label: 'OpenSky URL' },
  { path: 'data_files.trajectory', label: 'Trajectory file' },
  { path: 'data_files.flight_declaration', label: 'Flight declaration file' },
  { path: 'data_files.geo_fence', label: 'Geofence file' },
  { path: 'data_files.simulation', label: 'BlueSky simulation file' },
  { path: 'air_traffic_simulator_settings.number_of_aircraft', label: 'Simulated aircraft' },
  { path: 'air_traffic_simulator_settings.simulation_duration', label: 'Simulation duration (s)' },
  { path: 'logging.level', label: 'Log level', options: ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'] },
];

const get = (o: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), o);

/** {a: {b: v}} from "a.b" and v, merged into out. */
function put(out: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let o = out;
  keys.slice(0, -1).forEach((k) => { o[k] = (o[k] as Record<string, unknown>) ?? {}; o = o[k] as Record<string, unknown>; });
  o[keys[keys.length - 1]] = value;
}

/** The settings screen: the effective config (secrets masked), edited and saved with PUT /api/config. */
export function Settings({ onClose }: { onClose: () => void }) {
  const [config, setConfig] = useState<Record<string, unknown> | null>(null);
  const [path, setPath] = useState('');
  const [values, setValues] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState('');
  const [problems, setProblems] = useState<ConfigProblem[]>([]);

  const load = () => api.config().then((c) => {
    setConfig(c); setPath(c.config_path);
    setValues(Object.fromEntries(FIELDS.map((f) => [f.path, String(get(c, f.path) ?? '')])));
  }).catch((e) => setOutcome((e as Error).message));
  useEffect(() => { load(); }, []);

  const save = async () => {
    const patch: Record<string, unknown> = {};
    for (const f of FIELDS) {
      const before = String(get(config, f.path) ?? '');
      if (values[f.path] !== before) {
        const numeric = typeof get(config, f.path) === 'number' || f.path.endsWith('number_of_aircraft') || f.path.endsWith('duration');
        put(patch, f.path, numeric && values[f.path] !== '' && !isNaN(Number(values[f.path])) ? Number(values[f.path]) : values[f.path]);
      }
    }
    if (!Object.keys(patch).length) { setOutcome('Nothing changed'); return; }
    try {
      const r = await api.saveConfig(patch);
      setProblems([]);
      setOutcome(`Saved: applied now ${r.applied.join(', ') || '-'}` + (r.restart_required.length ? `; after a restart ${r.restart_required.join(', ')}` : ''));
      load();
    } catch (e) {
      const err = e as Error & { details?: { problems?: ConfigProblem[] } };
      setProblems(err.details?.problems ?? []);
      setOutcome(err.message);
    }
  };

  return (
    <div className="settings" role="dialog" aria-label="settings">
      <h3>Settings <small>{path}</small></h3>
      {config === null ? <p>Loading…</p> : FIELDS.map((f) => (
        <label key={f.path}>{f.label}
          {f.options ? (
            <select aria-label={f.path} value={values[f.path] ?? ''} onChange={(e) => setValues({ ...values, [f.path]: e.target.value })}>
              {!f.options.includes(values[f.path]) && <option value={values[f.path]}>{values[f.path] || '(unset)'}</option>}
              {f.options.map((o) => <option key={o} value={o}>{o}</option>)}
            </select>
          ) : (
            <input aria-label={f.path} value={values[f.path] ?? ''} onChange={(e) => setValues({ ...values, [f.path]: e.target.value })} />
          )}
          {problems.filter((p) => p.path === f.path).map((p) => <span key={p.message} className="error">{p.message}</span>)}
        </label>
      ))}
      <div className="settings-actions">
        <button onClick={save}>Save settings</button>
        <button onClick={onClose}>Close</button>
      </div>
      <div className="settings-outcome" data-testid="settings-outcome">{outcome}</div>
      {problems.filter((p) => !FIELDS.some((f) => f.path === p.path)).map((p) => <div key={p.path + p.message} className="error">{p.path}: {p.message}</div>)}
    </div>
  );
}
