import type { Operation } from './api';
import { reference, StepDef } from './graph';
import { type LoopKind, loopKind, loopOf, loopText } from './stepedit';

interface Props {
  def: StepDef; id: string; op?: Operation; earlier: string[];
  /** the other nodes that run in the background: what `needs` may wait for */
  background: string[];
  /** the group this node calls, if it calls one: its description is edited here, its steps listed */
  group?: { name: string; description?: string; steps: StepDef[] };
  onGroupDescription?: (text: string) => void;
  /** the group this step belongs to, when it is a step inside a container */
  inGroup?: string;
  onChange: (def: StepDef) => void; onRename: (id: string) => void;
}

const CONDITIONS = ['', 'failure()', 'always()'];

/** One input per parameter (enum select, number, JSON for objects), references, and the step's run options. */
export function Properties({ def, id, op, earlier, background, group, onGroupDescription, inGroup, onChange, onRename }: Props) {
  const args = def.arguments ?? {};
  const setArg = (name: string, value: unknown) => {
    const next = { ...args };
    if (value === '' || value === undefined) delete next[name]; else next[name] = value;
    onChange({ ...def, arguments: next });
  };
  const custom = def.if !== undefined && !CONDITIONS.includes(def.if);
  return (
    <div className="properties">
      {inGroup && <div className="in-group" data-testid="in-group">A step of group {inGroup}: every call of the group runs it.</div>}
      <label>Step id <input value={id} onChange={(e) => onRename(e.target.value)} aria-label="step id" /></label>
      <div className="docs">{op?.description ?? (op || group ? '' : 'Not an operation: a group or an unknown name.')}</div>
      {group && (
        <fieldset className="group-info" data-testid="group-info">
          <legend>Group {group.name}</legend>
          <label>Description
            <textarea aria-label="group description" rows={2} value={group.description ?? ''}
              onChange={(e) => onGroupDescription?.(e.target.value)} /></label>
          <ol className="group-steps">{group.steps.map((g) => <li key={g.id ?? g.step}>{g.id ?? g.step} <span className="hint">{g.step}</span></li>)}</ol>
        </fieldset>)}
      {op?.parameters.map((p) => (
        <label key={p.name} title={p.description}>
          {p.name}{p.required ? ' *' : ''}
          {p.isEnum ? (
            <select value={String(args[p.name] ?? '')} onChange={(e) => setArg(p.name, e.target.value)} aria-label={p.name}>
              <option value="">(default{p.default !== null && p.default !== undefined ? ': ' + String(p.default) : ''})</option>
              {p.options!.map((o) => <option key={o.name} value={o.name}>{o.name}</option>)}
            </select>
          ) : (
            <input aria-label={p.name} placeholder={p.default === null || p.default === undefined ? p.type : JSON.stringify(p.default)}
              value={typeof args[p.name] === 'object' ? JSON.stringify(args[p.name]) : String(args[p.name] ?? '')}
              onChange={(e) => {
                const v = e.target.value;
                if ((p.type === 'object' || p.type === 'array') && v.trim().startsWith('[') || v.trim().startsWith('{')) {
                  try { setArg(p.name, JSON.parse(v)); return; } catch { /* keep the text until it parses */ }
                }
                setArg(p.name, (p.type === 'integer' || p.type === 'number') && v !== '' && !isNaN(Number(v)) ? Number(v) : v);
              }} />
          )}
          {earlier.length > 0 && (
            <select aria-label={'reference for ' + p.name} value="" onChange={(e) => e.target.value && setArg(p.name, reference(e.target.value))}>
              <option value="">↳ reference…</option>
              {earlier.map((s) => <option key={s} value={s}>{s}</option>)}
            </select>
          )}
        </label>
      ))}
      <label className="check"><input type="checkbox" checked={!!def.background} onChange={(e) => onChange({ ...def, background: e.target.checked || undefined })} /> Run in background</label>
      <label className="check"><input type="checkbox" checked={!!def['continue-on-error']} onChange={(e) => onChange({ ...def, 'continue-on-error': e.target.checked || undefined })} /> Continue on error</label>
      <label>Run condition
        <select value={custom ? 'custom' : def.if ?? ''} aria-label="run condition"
          onChange={(e) => onChange({ ...def, if: e.target.value === '' ? undefined : e.target.value === 'custom' ? 'success()' : e.target.value })}>
          <option value="">default (success())</option><option value="failure()">failure()</option>
          <option value="always()">always()</option><option value="custom">custom…</option>
        </select>
        {custom && <input value={def.if} onChange={(e) => onChange({ ...def, if: e.target.value })} aria-label="custom condition" />}
      </label>
      <fieldset className="needs" aria-label="needs">
        <legend>Needs (background steps to wait for)</legend>
        {background.length === 0 && !(def.needs ?? []).length && <span className="hint">No step runs in the background.</span>}
        {[...new Set([...background, ...(def.needs ?? [])])].map((b) => (
          <label key={b} className="check"><input type="checkbox" aria-label={'needs ' + b} checked={(def.needs ?? []).includes(b)}
            onChange={(e) => {
              const next = e.target.checked ? [...(def.needs ?? []), b] : (def.needs ?? []).filter((x) => x !== b);
              onChange({ ...def, needs: next.length ? next : undefined });
            }} /> {b}{!background.includes(b) && <span className="hint"> (not a background step)</span>}</label>
        ))}
      </fieldset>
      <label>Loop
        <select aria-label="loop kind" value={loopKind(def)}
          onChange={(e) => onChange({ ...def, loop: loopOf(e.target.value as LoopKind, e.target.value === 'count' ? '2' : e.target.value === 'items' ? '[]' : e.target.value === 'while' ? 'loop.index < 3' : '') })}>
          <option value="">none</option><option value="count">count</option><option value="items">items</option><option value="while">while</option>
        </select>
        {def.loop && (
          <input aria-label={'loop ' + loopKind(def)} value={loopText(def)}
            placeholder={loopKind(def) === 'count' ? '3 or ${{ ... }}' : loopKind(def) === 'items' ? '["a", "b"] or ${{ ... }}' : 'loop.index < 3'}
            onChange={(e) => onChange({ ...def, loop: loopOf(loopKind(def), e.target.value) })} />
        )}
      </label>
    </div>
  );
}
