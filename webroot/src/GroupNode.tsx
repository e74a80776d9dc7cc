import { Handle, NodeProps, Position } from '@xyflow/react';
import { useContext } from 'react';
import { BreakpointToggle } from './Debugger';
import type { StepData } from './StepNode';

export interface GroupData extends StepData { group: string; description?: string; width: number; height: number }

const ICON: Record<string, string> = { success: '✓', failure: '✗', waiting: '…', skipped: '–', paused: '‖' };

/** A step calling a group, drawn as the container of the group's steps (they are its child nodes). */
export function GroupNode({ id, data, selected }: NodeProps) {
  const d = data as GroupData;
  const toggle = useContext(BreakpointToggle);
  const flags = [d.def.if && 'if', d.def.loop && 'loop', d.def['continue-on-error'] && 'continue'].filter(Boolean) as string[];
  return (
    <div className={`group-node status-${d.status ?? 'idle'}${selected ? ' selected' : ''}${d.problem ? ' has-problem' : ''}`}
      data-testid={`node-${id}`} data-status={d.status ?? 'idle'} title={d.problem ?? d.description ?? ''}
      style={{ width: d.width, height: d.height }}>
      <Handle type="target" position={Position.Top} />
      <div className="step-title">
        {d.status === 'running' ? <span className="spinner" /> : <span className="status-icon">{ICON[d.status ?? ''] ?? ''}</span>}
        <span>{id}</span>
        <button className={'bp' + (d.breakpoint ? ' on' : '')} data-testid={`bp-${id}`} aria-label={`breakpoint ${id}`}
          aria-pressed={!!d.breakpoint} title="Breakpoint: a run pauses before this group"
          onClick={(e) => { e.stopPropagation(); toggle(id); }}>●</button>
      </div>
      <div className="group-line">
        <span className="badge group-badge">group {d.group}</span>
        {flags.map((f) => <span key={f} className={`badge flag-${f}`}>{f}</span>)}
        {d.def.loop && d.progress && <span className="iter" data-testid={`iter-${id}`} title="iterations ended">
          {d.progress.done}{d.progress.total !== undefined ? '/' + d.progress.total : ''}</span>}
      </div>
      {d.description && <div className="group-description">{d.description}</div>}
      {d.problem && <div className="problem">{d.problem}</div>}
      <Handle type="source" position={Position.Bottom} />
    </div>
  );
}
