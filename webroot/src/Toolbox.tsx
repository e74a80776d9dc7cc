import { useMemo, useState } from 'react';
import type { Operation } from './api';

/** Operations grouped by client or by phase, searchable; drag one onto the canvas (or double-click to append). */
export function Toolbox({ operations, onAdd }: { operations: Operation[]; onAdd: (op: Operation) => void }) {
  const [query, setQuery] = useState('');
  const [by, setBy] = useState<'client' | 'phase'>('client');
  const groups = useMemo(() => {
    const g = new Map<string, Operation[]>();
    for (const op of operations) {
      if (query && !op.name.toLowerCase().includes(query.toLowerCase())) continue;
      const key = by === 'client' ? op.category : op.phase ?? 'ANY PHASE';
      g.set(key, [...(g.get(key) ?? []), op]);
    }
    return [...g.entries()];
  }, [operations, query, by]);
  return (
    <div className="toolbox">
      <input placeholder="Search operations" value={query} onChange={(e) => setQuery(e.target.value)} aria-label="search operations" />
      <select value={by} onChange={(e) => setBy(e.target.value as 'client' | 'phase')} aria-label="group by">
        <option value="client">by client</option>
        <option value="phase">by phase</option>
      </select>
      {groups.map(([name, ops]) => (
        <details key={name} open>
          <summary>{name} ({ops.length})</summary>
          {ops.map((op) => (
            <div key={op.name} className="tool" draggable title={op.description}
              onDragStart={(e) => e.dataTransfer.setData('application/x-operation', op.name)}
              onDoubleClick={() => onAdd(op)}>{op.name}</div>
          ))}
        </details>
      ))}
    </div>
  );
}
