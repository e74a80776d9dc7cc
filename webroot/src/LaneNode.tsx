import type { NodeProps } from '@xyflow/react';

/** A swimlane of "Group by phase": a tinted column behind the steps of one flight phase, with its name. */
export function LaneNode({ data }: NodeProps) {
  const d = data as { phase: string; width: number; height: number };
  return (
    <div className={'lane lane-' + d.phase.toLowerCase().replace(/\s+/g, '-')} data-testid={'lane-' + d.phase}
      style={{ width: d.width, height: d.height }}>
      <span className="lane-label">{d.phase}</span>
    </div>
  );
}
