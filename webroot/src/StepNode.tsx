import { Handle, NodeProps, Position } from '@xyflow/react';
import { useContext } from 'react';
import { BreakpointToggle } from './Debugger';
import type { Progress } from './progress';
import { type StepDef, stepId } from './graph';

export interface StepData extends Record<string, unknown> {
  def: StepDef; status?: string; phase?: string | null; client?: string; problem?: string; breakpoint?: boolean;
  progress?: Progress;
  /** a step drawn inside a group's container (no breakpoint of its own: the run pauses before the group) */
  inGroup?: boolean;
}

const ICON: Record<string, string> = { success: '✓', failure: '✗', running: '', waiting: '…', skipped: '–', paused: '‖' };

/** A step: label, phase and client badges, flags, and its status as border and icon. */
export function StepNode({ id, data, selected }: NodeProps) {
  const d = data as StepData;
  // a step inside a container is named by its own id (its canvas id also names the call)
  const label = d.inGroup ? stepId(d.def) : id;
  const toggle = useContext(BreakpointToggle);
  const flags = [d.def.background && 'background', d.def.if && 'if', d.def.loop && 'loop',
    d.def['continue-on-error'] && 'continue'].filter(Boolean) as string[];
  return (
    <div className={`step-node status-${d.status ?? 'idle'}${selected ? ' selected' : ''}${d.problem ? ' has-problem' : ''}`
      + (d.phase ? ' phase-' + d.phase.toLowerCase().replace(/\s+/g, '-') : '')}
      data-testid={`node-${id}`} data-status={d.status ?? 'idle'} title={d.problem ?? d.def.description ?? ''}>
      <Handle type="target" position={Position.Top} />
      <div className="step-title">
        {d.status === 'running' ? <span className="spinner" /> : <span className="status-icon">{ICON[d.status ?? ''] ?? ''}</span>}
        <span>{label}</span>
        {!d.inGroup && <button className={'bp' + (d.breakpoint ? ' on' : '')} data-testid={`bp-${id}`} aria-label={`breakpoint ${id}`}
          aria-pressed={!!d.breakpoint} title="Breakpoint: a run pauses before this step"
          onClick={(e) => { e.stopPropagation(); toggle(id); }}>●</button>}
      </div>
      {label !== d.def.step && <div className="step-op">{d.def.step}</div>}
      <div className="badges">
        {d.phase && <span className={'badge phase phase-' + d.phase.toLowerCase().replace(/\s+/g, '-')}>{d.phase}</span>}
        {d.client && <span className="badge client">{d.client}</span>}
        {flags.map((f) => <span key={f} className={`badge flag-${f}`}>{f}</span>)}
      </div>
      {d.progress && (
        <div className="progress">
          {d.def.loop && <span className="iter" data-testid={`iter-${id}`} title="iterations ended">
            {d.progress.done}{d.progress.total !== undefined ? '/' + d.progress.total : ''}</span>}
          {d.progress.failed && <span className="iter-failed" title="the first iteration that failed">✗ {d.progress.failed}</span>}
          {d.progress.inner && <span className="inner" data-testid={`inner-${id}`}>
            {d.progress.inner.map((s) => <span key={s.id} className={'dot status-' + s.status} data-status={s.status}
              title={`${s.id}: ${s.status}`} />)}</span>}
        </div>)}
      {d.problem && <div className="problem">{d.problem}</div>}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}
