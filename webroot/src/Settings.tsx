import { useEffect, useState } from 'react';
import { api, ConfigProblem } from './api';

/** The fields the settings screen edits, by section: a key path, how to show it, its kind. */
type Field = { path: string; label: string; options?: string[]; kind?: 'number' | 'list' };
const SECTIONS: { title: string; fields: Field[] }[] = [
  { title: 'Flight Blender', fields: [
    { path: 'flight_blender.url', label: 'URL (empty: embedded emulator)' },
    { path: 'flight_blender.auth.type', label: 'Auth', options: ['none', 'passport', 'oauth2'] },
    { path: 'flight_blender.auth.client_id', label: 'Client id' },
    { path: 'flight_blender.auth.client_secret', label: 'Client secret' },
    { path: 'flight_blender.auth.audience', label: 'Audience' },
    { path: 'flight_blender.auth.scopes', label: 'Scopes (comma-separated)', kind: 'list' },
    { path: 'flight_blender.auth.token_endpoint', label: 'Token endpoint' },
    { path: 'flight_blender.auth.passport_base_url', label: 'Passport URL' },
  ] },
  { title: 'AMQP', fields: [
    { path: 'amqp.url', label: 'URL' },
    { path: 'amqp.exchange_name', label: 'Exchange' },
    { path: 'amqp.exchange_type', label: 'Exchange type', options: ['topic', 'direct', 'fanout', 'headers'] },
    { path: 'amqp.routing_key', label: 'Routing key' },
    { path: 'amqp.queue_name', label: 'Queue' },
  ] },
  { title: 'OpenSky', fields: [
    { path: 'opensky.url', label: 'URL' },
    { path: 'opensky.auth.type', label: 'Auth', options: ['none', 'passport', 'oauth2'] },
    { path: 'opensky.auth.client_id', label: 'Client id' },
    { path: 'opensky.auth.client_secret', label: 'Client secret' },
    { path: 'opensky.auth.token_url', label: 'Token URL' },
  ] },
  { title: 'Air traffic simulator', fields: [
    { path: 'air_traffic_simulator_settings.number_of_aircraft', label: 'Aircraft', kind: 'number' },
    { path: 'air_traffic_simulator_settings.simulation_duration', label: 'Duration (s)', kind: 'number' },
    { path: 'air_traffic_simulator_settings.single_or_multiple_sensors', label: 'Sensors', options: ['single', 'multiple'] },
    { path: 'air_traffic_simulator_settings.sensor_ids', label: 'Sensor ids (comma-separated)', kind: 'list' },
    { path: 'air_traffic_simulator_settings.session_ids', label: 'Session ids (comma-separated)', kind: 'list' },
  ] },
  { title: 'Data files', fields: [
    { path: 'data_files.trajectory', label: 'Trajectory' },
    { path: 'data_files.flight_declaration', label: 'Flight declaration' },
    { path: 'data_files.flight_declaration_via_operational_intent', label: 'Declaration via operational intent' },
    { path: 'data_files.geo_fence', label: 'Geofence' },
    { path: 'data_files.simulation', label: 'BlueSky simulation' },
  ] },
  { title: 'Reporting', fields: [
    { path: 'reporting.output_dir', label: 'Output folder' },
    { path: 'reporting.formats', label: 'Formats (json, html, junit, log)', kind: 'list' },
    { path: 'reporting.map_tiles', label: 'Map tiles URL (empty: none)' },
    { path: 'reporting.deployment_details.name', label: 'Deployment name' },
    { path: 'reporting.deployment_details.version', label: 'Deployment version' },
  ] },
  { title: 'Logging', fields: [
    { path: 'logging.level', label: 'Level', options: ['TRACE', 'DEBUG', 'INFO', 'WARN', 'ERROR'] },
  ] },
];
const FIELDS: Field[] = SECTIONS.flatMap((s) => s.fields);

/** A field's value as the form shows it: lists comma-separated. */
const shown = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === undefined || v === null ? '' : String(v));

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
    setValues(Object.fromEntries(FIELDS.map((f) => [f.path, shown(get(c, f.path))])));
  }).catch((e) => setOutcome((e as Error).message));
  useEffect(() => { load(); }, []);

  const save = async () => {
    const patch: Record<string, unknown> = {};
    for (const f of FIELDS) {
      const v = values[f.path] ?? '';
      if (v !== shown(get(config, f.path))) {
        const numeric = f.kind === 'number' || typeof get(config, f.path) === 'number';
        put(patch, f.path, f.kind === 'list' ? v.split(',').map((x) => x.trim()).filter(Boolean)
          : numeric && v !== '' && !isNaN(Number(v)) ? Number(v) : v);
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
      {config === null ? <p>Loading…</p> : SECTIONS.map((section) => (
        <fieldset key={section.title}><legend>{section.title}</legend>
          {section.fields.map((f) => (
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
        </fieldset>
      ))}
      <div className="settings-actions">
        <button onClick={save}>Save settings</button>
        <button onClick={() => { setProblems([]); setOutcome('Reloaded'); load(); }} title="Read the config again, dropping edits not saved">Reload</button>
        <button onClick={onClose}>Close</button>
      </div>
      <div className="settings-outcome" data-testid="settings-outcome">{outcome}</div>
      {problems.filter((p) => !FIELDS.some((f) => f.path === p.path)).map((p) => <div key={p.path + p.message} className="error">{p.path}: {p.message}</div>)}
    </div>
  );
}
