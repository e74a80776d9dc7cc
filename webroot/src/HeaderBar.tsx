import { CheckCircle2, Columns3, Download, FilePlus, LayoutGrid, Moon, Pause as PauseIcon, Play, Plane, Redo2,
  Save as SaveIcon, SaveAll, Settings2, Square, StepForward, Sun, Undo2, Upload } from 'lucide-react';

interface Props {
  name: string; dirty: boolean; connected: boolean; running: boolean; session: string; paused: boolean; lanes: boolean; dark: boolean;
  onName: (name: string) => void; onNew: () => void; onSave: (asNew: boolean) => void; onImport: (file: File) => void;
  onExport: () => void; onValidate: () => void; onLayout: () => void; onLanes: () => void; onUndo: () => void; onRedo: () => void;
  onRunSteps: () => void; onRun: () => void; onStop: () => void; onPause: () => void; onSettings: () => void; onTheme: () => void;
}

/** The header: file, edit, run/debug and app actions in groups, and the connection. */
export function HeaderBar(p: Props) {
  return (
    <header>
      <span className="brand"><Plane size={16} aria-hidden /> OpenUTM Verification</span>
      <div className="group" role="group" aria-label="file">
        <input aria-label="scenario name" className="name" value={p.name} onChange={(e) => p.onName(e.target.value)} />
        {p.dirty && <span className="unsaved" data-testid="unsaved" title="unsaved changes">●</span>}
        <button title="A new, empty scenario" onClick={p.onNew}><FilePlus size={14} aria-hidden />New</button>
        <button title="Save to the scenarios folder" onClick={() => p.onSave(false)}><SaveIcon size={14} aria-hidden />Save</button>
        <button title="Save under another name" onClick={() => p.onSave(true)}><SaveAll size={14} aria-hidden />Save As</button>
        <label className="file icon" title="Import a YAML file"><Upload size={14} aria-hidden />
          <input type="file" accept=".yaml,.yml" aria-label="import yaml" onChange={(e) => e.target.files?.[0] && p.onImport(e.target.files[0])} /></label>
        <button className="icon" aria-label="Export" title="Export as YAML" onClick={p.onExport}><Download size={14} aria-hidden /></button>
      </div>
      <div className="group" role="group" aria-label="edit">
        <button className="icon" aria-label="Validate" title="Validate" onClick={p.onValidate}><CheckCircle2 size={14} aria-hidden /></button>
        <button className="icon" aria-label="Layout" title="Lay the graph out" onClick={p.onLayout}><LayoutGrid size={14} aria-hidden /></button>
        <button className={'icon' + (p.lanes ? ' on' : '')} aria-label="Group by phase" aria-pressed={p.lanes}
          title="Group by phase: a swimlane per flight phase" onClick={p.onLanes}><Columns3 size={14} aria-hidden /></button>
        <button className="icon" aria-label="undo" title="Undo (Ctrl+Z)" onClick={p.onUndo}><Undo2 size={14} aria-hidden /></button>
        <button className="icon" aria-label="redo" title="Redo (Ctrl+Y)" onClick={p.onRedo}><Redo2 size={14} aria-hidden /></button>
      </div>
      <div className="group run" role="group" aria-label="run">
        <button disabled={p.running || !p.session} onClick={p.onRunSteps}><StepForward size={14} aria-hidden />Run step by step</button>
        <button className="primary" disabled={p.running || !p.session} onClick={p.onRun}><Play size={14} aria-hidden />Run</button>
        <button disabled={!p.running} onClick={p.onStop}><Square size={14} aria-hidden />Stop</button>
        <button disabled={!p.running || p.paused} onClick={p.onPause}><PauseIcon size={14} aria-hidden />Pause</button>
      </div>
      <div className="group" role="group" aria-label="app">
        <button onClick={p.onSettings}><Settings2 size={14} aria-hidden />Settings</button>
        <button className="icon" aria-label={p.dark ? 'Light theme' : 'Dark theme'} title={p.dark ? 'Light theme' : 'Dark theme'}
          onClick={p.onTheme}>{p.dark ? <Sun size={14} aria-hidden /> : <Moon size={14} aria-hidden />}</button>
      </div>
      <span className={'conn ' + (p.connected ? 'on' : 'off')} data-testid="connection">{p.connected ? 'Connected' : 'Disconnected'}</span>
    </header>
  );
}
