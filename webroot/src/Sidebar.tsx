import { FileText, FolderOpen, Layers, ListTree } from 'lucide-react';
import { useState } from 'react';
import type { Operation } from './api';
import { Toolbox } from './Toolbox';

const folderOf = (id: string) => (id.includes('/') ? id.slice(0, id.lastIndexOf('/')) : '.');
const nameOf = (id: string) => id.slice(id.lastIndexOf('/') + 1).replace(/_/g, ' ');

/** The scenarios by suite, then every scenario by folder; a click opens one. */
export function ScenarioList({ suites, scenarios, current, onOpen }: {
  suites: Record<string, string[]>; scenarios: string[]; current: string; onOpen: (id: string) => void;
}) {
  const item = (id: string, key: string) => (
    <button key={key} className={'scenario' + (id === current ? ' on' : '')} data-scenario={id} title={id} onClick={() => onOpen(id)}>
      <FileText size={13} aria-hidden /> {nameOf(id)}
    </button>);
  const folders = [...new Set(scenarios.map(folderOf))];
  return (
    <div className="scenario-list" data-testid="scenario-list">
      {Object.entries(suites).map(([suite, ids]) => (
        <details key={'suite-' + suite} open>
          <summary><Layers size={13} aria-hidden /> suite {suite} <span className="count">{ids.length}</span></summary>
          {ids.map((id) => item(id, suite + '/' + id))}
        </details>))}
      {folders.map((folder) => (
        <details key={"dir-" + folder} open>
          <summary><FolderOpen size={13} aria-hidden /> {folder}/ <span className="count">{scenarios.filter((s) => folderOf(s) === folder).length}</span></summary>
          {scenarios.filter((s) => folderOf(s) === folder).map((id) => item(id, 'dir/' + id))}
        </details>))}
    </div>
  );
}

/** The left panel: Scenarios and Toolbox tabs (the toolbox stays mounted, hidden, so a drag keeps its data). */
export function Sidebar(props: {
  suites: Record<string, string[]>; scenarios: string[]; current: string; onOpen: (id: string) => void;
  operations: Operation[]; onAdd: (op: Operation) => void;
}) {
  const [tab, setTab] = useState<'scenarios' | 'toolbox'>('scenarios');
  return (
    <div className="sidebar">
      <div className="side-tabs" role="tablist">
        <button role="tab" aria-selected={tab === 'scenarios'} className={tab === 'scenarios' ? 'on' : ''}
          onClick={() => setTab('scenarios')}><ListTree size={14} aria-hidden /> Scenarios</button>
        <button role="tab" aria-selected={tab === 'toolbox'} className={tab === 'toolbox' ? 'on' : ''}
          onClick={() => setTab('toolbox')}><Layers size={14} aria-hidden /> Toolbox</button>
      </div>
      <div style={{ display: tab === 'scenarios' ? 'block' : 'none' }}>
        <ScenarioList suites={props.suites} scenarios={props.scenarios} current={props.current} onOpen={props.onOpen} />
      </div>
      <div style={{ display: tab === 'toolbox' ? 'block' : 'none' }}>
        <Toolbox operations={props.operations} onAdd={props.onAdd} />
      </div>
    </div>
  );
}
