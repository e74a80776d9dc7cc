import { addEdge, applyEdgeChanges, applyNodeChanges, Background, Controls, Edge, Node, Panel, ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import '@xyflow/react/dist/style.css';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { api, Operation, StepResult } from './api';
import { subscribe } from './bus';
import { dumpYaml, layout, parseYaml, Scenario, StepDef, stepId, toGraph, toScenario } from './graph';
import { Properties } from './Properties';
import { Settings } from './Settings';
import { runStepByStep, Status } from './runner';
import { StepData, StepNode } from './StepNode';
import { BreakpointToggle, DebugPanel, Paused } from './Debugger';
import { MapView, TimelineView } from './RunView';
import { Docs } from './Docs';
import { Sidebar } from './Sidebar';
import { LaneNode } from './LaneNode';
import { usePhaseLanes } from './usePhaseLanes';
import { useResizable } from './resize';
import { HeaderBar } from './HeaderBar';
import { useBackend } from './backend';
import { LogsPanel, OutputPanel, timing } from './StepPanels';
import { runBreakpoints, toggled } from './breakpoints';
import { forget, keep, restore } from './autosave';
import type { FeatureCollection } from './mapdraw';
import { GroupNode } from './GroupNode';
import { useContainers } from './useContainers';
import { EditHistory, shortcut } from './history';
import { groupHeight, problemsByPlace } from './containerView';
import './styles.css';

const nodeTypes = { step: StepNode, lane: LaneNode, container: GroupNode };
const THEME_KEY = 'openutm.theme';
type StepNodeT = Node<StepData>;

function Editor() {
  const [path, setPath] = useState('');
  const [name, setName] = useState('new_scenario');
  const [nodes, setNodes] = useState<StepNodeT[]>([]);
  const [edges, setEdges] = useState<Edge[]>([]);
  const [selected, setSelected] = useState<string | null>(null);
  const [results, setResults] = useState<Record<string, StepResult>>({});
  const [message, setMessage] = useState('');
  const [running, setRunning] = useState(false);
  const [prompt, setPrompt] = useState<string | null>(null);
  const [report, setReport] = useState<string | null>(null);
  const [settings, setSettings] = useState(false);
  const [logLevel, setLogLevel] = useState('');
  const history = useRef(new EditHistory<{ nodes: StepNodeT[]; edges: Edge[]; extra: Pick<Scenario, 'description' | 'groups'> }>());
  const clipboard = useRef<StepDef | null>(null);
  // the theme outlives the tab (localStorage); unsaved changes are kept in the tab (sessionStorage, see autosave.ts)
  const [dark, setDark] = useState(() => localStorage.getItem(THEME_KEY) === 'dark');
  useEffect(() => { localStorage.setItem(THEME_KEY, dark ? 'dark' : 'light'); }, [dark]);
  // the backend: connection, catalogue, scenario list, and this tab's session
  const { connected, operations, scenarios, setScenarios, suites, session } = useBackend();
  const [dirty, setDirty] = useState(false);
  const [leftW, dragLeft] = useResizable('left', 240, 170, 440, 'x');
  const [rightW, dragRight] = useResizable('right', 290, 220, 560, 'x', true);
  const [footH, dragFoot, setFootH] = useResizable('footer', 210, 90, 560, 'y', true);
  const [docs, setDocs] = useState('');
  const [innerProblems, setInnerProblems] = useState<Record<string, string>>({});
  const [extra, setExtra] = useState<Pick<Scenario, 'description' | 'groups'>>({});
  useEffect(() => setInnerProblems({}), [extra.groups]); // by place in a group: void once the groups change
  const stopRef = useRef(false);
  const [paused, setPaused] = useState<Paused | null>(null);
  // the run seen whole: when each step started (its `started` event), the map the backend draws of it
  const [startedAt, setStartedAt] = useState<Record<string, number>>({});
  const [mapFeatures, setMapFeatures] = useState<FeatureCollection | null>(null);
  const [tab, setTab] = useState<'output' | 'logs' | 'timeline' | 'map'>('output');
  // a step-by-step run paused in the browser: how the runner goes on
  const stepRun = useRef(false);
  const stepPause = useRef(false);
  const pending = useRef<((a: { mode: 'step' | 'continue'; args?: Record<string, unknown> } | null) => void) | null>(null);
  const toggleBreakpoint = useCallback((id: string) => setNodes((ns) => toggled(ns, id)), []);
  const flow = useReactFlow();
  const opByName = useMemo(() => new Map(operations.map((o) => [o.name, o])), [operations]);

  const setStatus = useCallback((id: string, status: Status | string, r?: StepResult) => {
    setNodes((ns) => ns.map((n) => (n.id === id ? { ...n, data: { ...n.data, status } } : n)));
    if (r) setResults((rs) => ({ ...rs, [id]: r }));
  }, []);

  // Live status of whole runs over the event-bus bridge.
  useEffect(() => {
    if (!session) return undefined;
    return subscribe(session, (e) => {
      if (e.type === 'step' && e.result) setStatus(e.result.id, e.result.status, e.result as StepResult);
      if (e.type === 'started' && e.step_id) { setStatus(e.step_id, 'running'); const id = e.step_id; setStartedAt((s) => ({ ...s, [id]: Date.now() })); }
      if (e.type === 'run') { setStartedAt({}); setMapFeatures(null); }
      if (e.type === 'map' && e.features) setMapFeatures(e.features as FeatureCollection);
      if (e.type === 'paused' && e.step_id) { setStatus(e.step_id, 'paused'); setPaused({ stepId: e.step_id, args: e.resolved_arguments ?? {} }); setMessage('Paused before ' + e.step_id); }
      if (e.type === 'resumed') setPaused(null);
      if (e.type === 'done') { setRunning(false); setPaused(null); setMessage('Run ' + e.status + timing(e)); setReport('/api/reports/latest?scenario=' + encodeURIComponent(nameRef.current)); }
      if (e.type === 'input') setPrompt(e.prompt ?? 'Continue?');
    }, () => undefined);
  }, [session, setStatus]);

  /** Undo/redo: the graph before each edit. */
  const snapshot = () => { setDirty(true); history.current.record({ nodes, edges, extra }); };
  const back = (redo: boolean) => {
    const prev = redo ? history.current.redo({ nodes, edges, extra }) : history.current.undo({ nodes, edges, extra });
    if (prev) { setNodes(prev.nodes); setEdges(prev.edges); setExtra(prev.extra); }
  };
  const autoLayout = () => {
    snapshot();
    const size = (id: string) => { const v = containers.view.find((x) => x.id === id); return { width: v?.width ?? 220, height: v?.height ?? 64 }; };
    const laid = new Map(layout(graphNodes(), graphEdges(), size).map((n) => [n.id, n]));
    setNodes((ns) => ns.map((n) => ({ ...n, position: { x: laid.get(n.id)!.x, y: laid.get(n.id)!.y } })));
    setTimeout(() => flow.fitView(), 0);
  };
  const paste = () => {
    const def = clipboard.current;
    if (!def) return;
    snapshot();
    const ids = new Set(nodes.map((n) => n.id));
    const base = stepId(def);
    let id = base + ' copy'; for (let i = 2; ids.has(id); i++) id = `${base} copy ${i}`;
    const src = nodes.find((n) => n.id === selected);
    setNodes((ns) => [...ns, { id, type: 'step', position: { x: (src?.position.x ?? 40) + 40, y: (src?.position.y ?? 40) + 40 },
      data: decorate({ ...def, id, needs: undefined }) }]);
  };
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const k = shortcut(e);
      if (k === 'copy') { const def = nodes.find((x) => x.id === selected)?.data.def ?? containers.child?.def; if (def) clipboard.current = def; return; }
      if (k) { e.preventDefault(); if (k === 'paste') paste(); else back(k === 'redo'); }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  const load = (s: Scenario, id = '') => {
    const g = toGraph(s, (def) => (s.groups?.[def.step] ? groupHeight(s.groups[def.step].steps.length) : 64));
    setDirty(false); forget(sessionStorage); lanes.off();
    setName(s.name); setPath(id); setResults({}); setSelected(null); setReport(null);
    setExtra({ description: s.description, groups: s.groups });
    setNodes(g.nodes.map((n) => ({ id: n.id, type: 'step', position: { x: n.x, y: n.y }, data: decorate(n.def) })));
    setEdges(g.edges.filter((e) => !e.needs).map((e) => ({ id: e.id, source: e.source, target: e.target })));
    if (id) api.docs(id).then(setDocs); else setDocs('');
  };
  const decorate = (def: StepDef): StepData => ({ def, phase: opByName.get(def.step)?.phase, client: opByName.get(def.step)?.client });
  const containers = useContainers({ nodes, setNodes, edges, setEdges, extra, setExtra, results, selected, setSelected, snapshot, innerProblems,
    decorate, say: setMessage, operations: useMemo(() => new Set(operations.map((o) => o.name)), [operations]) });

  const graphNodes = () => nodes.map((n) => ({ id: n.id, def: n.data.def, x: n.position.x, y: n.position.y }));
  const graphEdges = () => [...edges.map((e) => ({ id: e.id, source: e.source, target: e.target, needs: false })),
    ...nodes.flatMap((n) => (n.data.def.needs ?? []).map((need) => ({ id: 'n' + need + n.id, source: need, target: n.id, needs: true })))];
  const current = (): Scenario => toScenario({ name, ...extra }, graphNodes(), graphEdges());
  const nameRef = useRef(name);
  nameRef.current = name;

  // unsaved changes are kept in the tab and come back after a reload (the toolkit's autosave)
  const restored = useRef(false);
  useEffect(() => {
    if (restored.current || !operations.length) return;
    restored.current = true;
    const a = restore(sessionStorage);
    if (!a) return;
    setName(a.name); setPath(a.path); setExtra(a.extra);
    setNodes(a.nodes.map((n) => ({ id: n.id, type: 'step', position: { x: n.x, y: n.y }, data: { ...decorate(n.def), breakpoint: n.breakpoint } })));
    setEdges(a.edges);
    setDirty(true);
    if (a.path) api.docs(a.path).then(setDocs);
    setMessage('Restored the unsaved changes of ' + a.name);
  });
  useEffect(() => {
    if (!dirty) return;
    keep(sessionStorage, { path, name, extra, edges: edges.map((e) => ({ id: e.id, source: e.source, target: e.target })),
      nodes: nodes.map((n) => ({ id: n.id, x: n.position.x, y: n.position.y, def: n.data.def, breakpoint: n.data.breakpoint })) });
  }, [dirty, nodes, edges, name, path, extra]);
  const allEdges = useMemo(() => [...edges, ...containers.inner, ...nodes.flatMap((n) => (n.data.def.needs ?? []).map((need) => ({
    id: 'needs-' + need + '-' + n.id, source: need, target: n.id, style: { strokeDasharray: '6 4' }, animated: false })))], [edges, nodes, containers.inner]);

  // loop and group nodes show what ran inside them (iterations, inner steps), read from the records by id
  const lanes = usePhaseLanes(nodes, setNodes, () => graphEdges(), () => Object.fromEntries(containers.view
    .filter((v) => v.type === 'container').map((v) => [v.id, v.height ?? 0])), () => flow.fitView());
  const viewNodes = useMemo(() => [...lanes.view, ...containers.view], [containers.view, lanes.view]);

  const addStep = (op: Operation, position?: { x: number; y: number }) => {
    snapshot();
    const ids = new Set(nodes.map((n) => n.id));
    let id = op.name; for (let i = 2; ids.has(id); i++) id = `${op.name} ${i}`;
    const last = nodes[nodes.length - 1];
    const def: StepDef = id === op.name ? { step: op.name } : { id, step: op.name };
    setNodes((ns) => [...ns, { id, type: 'step', position: position ?? { x: 40, y: (last?.position.y ?? -70) + 110 }, data: decorate(def) }]);
    if (last && !position) setEdges((es) => [...es, { id: `seq-${last.id}-${id}`, source: last.id, target: id }]);
  };

  const validate = async () => {
    try {
      const v = await api.validate(current());
      const { inner, top } = problemsByPlace(v.problems);
      setNodes((ns) => ns.map((n) => ({ ...n, data: { ...n.data, problem: top.get(n.id) } })));
      setInnerProblems(inner);
      setMessage(v.valid ? 'Valid' : `${v.problems.length} problem(s): ` + v.problems.map((p) => p.message).join('; '));
      return v.valid;
    } catch (e) { setMessage((e as Error).message); return false; }
  };

  const runWhole = async (runTo?: string) => {
    if (!(await validate())) return;
    setResults({}); setStartedAt({}); setMapFeatures(null); setNodes((ns) => ns.map((n) => ({ ...n, data: { ...n.data, status: 'waiting' } })));
    setRunning(true); setReport(null); setMessage('Running on the server…');
    const bps = runBreakpoints(nodes, runTo);
    try { await api.runAsync(session, current(), bps); } catch (e) { setRunning(false); setMessage((e as Error).message); }
  };

  const runSteps = async () => {
    stopRef.current = false; stepRun.current = true; stepPause.current = false; setRunning(true); setReport(null); setResults({}); setMessage('Running step by step…');
    await api.reset(session).catch(() => undefined);
    try {
      const ok = await runStepByStep(session, current(), setStatus, () => stopRef.current, {
        breakpoints: new Set(nodes.filter((n) => n.data.breakpoint).map((n) => n.id)),
        requested: () => { const r = stepPause.current; stepPause.current = false; return r; },
        pause: (id, resolved) => new Promise((go) => {
          pending.current = go; setPaused({ stepId: id, args: resolved }); setMessage('Paused before ' + id);
        }),
      });
      setMessage(ok ? 'Step-by-step run succeeded' : 'Step-by-step run failed');
      const r = await api.generateReport(session, name).catch(() => null);
      if (r) setReport('/reports/' + r.report_id + '/report.html');
    } catch (e) { setMessage((e as Error).message); }
    stepRun.current = false; setPaused(null);
    setRunning(false);
  };

  /** Re-runs a finished node as a single step of the same session: its references read the session's records. */
  const rerun = async (id: string) => {
    const n = nodes.find((x) => x.id === id);
    if (!n) return;
    const { background: _b, if: _if, needs: _n, ...def } = n.data.def;
    setStatus(id, 'running');
    try { const r = await api.step(session, { ...def, id }); setStatus(id, r.status, r); setMessage('Re-ran ' + id + ': ' + r.status); }
    catch (e) { setStatus(id, 'failure'); setMessage((e as Error).message); }
  };

  const stop = async () => {
    const go = pending.current;
    if (go) { pending.current = null; setPaused(null); go(null); }
    stopRef.current = true; await api.stop(session).catch(() => undefined); setMessage('Stopped'); };
  const resume = (mode: 'step' | 'continue', args?: Record<string, unknown>) => {
    const go = pending.current;
    if (go) { pending.current = null; setPaused(null); go({ mode, args }); return; }
    resumeRun(mode, args);
  };
  const resumeRun = (mode: 'step' | 'continue', args?: Record<string, unknown>) => paused && api.resume(session,
    { step_id: paused.stepId, mode, ...(args ? { arguments: args } : {}) }).catch((e) => setMessage((e as Error).message));

  const save = async (asNew: boolean) => {
    const target = asNew || !path ? window.prompt('Save as (folder/name)', path || 'mine/' + name) : path;
    if (!target) return;
    try { const r = await api.save(target, current()); setPath(target); setDirty(false); forget(sessionStorage); setMessage(`Saved ${target}` + (r.problems.length ? ` (${r.problems.length} problem(s))` : '')); api.scenarios().then(setScenarios); }
    catch (e) { setMessage((e as Error).message); }
  };

  const importYaml = (file: File) => file.text().then((t) => { try { load(parseYaml(t)); setMessage('Imported ' + file.name); } catch (e) { setMessage((e as Error).message); } });
  const exportYaml = () => {
    const a = document.createElement('a');
    a.href = URL.createObjectURL(new Blob([dumpYaml(current())], { type: 'application/yaml' }));
    a.download = (name || 'scenario') + '.yaml'; a.click();
  };

  /** Selects a node from elsewhere (a timeline bar): the canvas shows it selected and the panels follow. */
  const selectNode = (id: string) => {
    setSelected(id);
    setNodes((ns) => ns.map((n) => ({ ...n, selected: n.id === id })));
    setTab('output');
  };

  const sel = nodes.find((n) => n.id === selected);
  const earlier = sel ? nodes.filter((n) => n.position.y < sel.position.y).map((n) => n.id) : [];
  const child = containers.child;
  const result = child ? child.result : selected ? results[selected] : undefined;
  const picked = nodes.filter((n) => n.selected).map((n) => n.id);

  return (
    <div className={'app' + (dark ? ' dark' : '')}>
      <HeaderBar name={name} dirty={dirty} connected={connected} running={running} session={session} paused={!!paused}
        lanes={lanes.lanes.length > 0} dark={dark}
        onName={(v) => { setDirty(true); setName(v); }}
        onNew={() => { if (!dirty || window.confirm('Create new scenario? Any unsaved changes will be lost.')) load({ name: 'new_scenario', steps: [] }); }}
        onSave={save} onImport={importYaml} onExport={exportYaml} onValidate={validate}
        onLayout={() => { lanes.off(); autoLayout(); }} onLanes={lanes.toggle}
        onUndo={() => back(false)} onRedo={() => back(true)}
        onRunSteps={runSteps} onRun={() => runWhole()} onStop={stop}
        onPause={() => { if (stepRun.current) { stepPause.current = true; return; }
          api.pause(session).catch((e) => setMessage((e as Error).message)); }}
        onSettings={() => setSettings(!settings)} onTheme={() => setDark(!dark)} />
      <main>
        <aside style={{ width: leftW }}>
          <Sidebar suites={suites} scenarios={scenarios} current={path} onOpen={(id) => { api.scenario(id).then((s) => load(s, id)); }}
            operations={operations} onAdd={(op) => addStep(op)} />
        </aside>
        <div className="splitter x" onPointerDown={dragLeft} role="separator" aria-label="resize the left panel" />
        <section className="canvas" onDragOver={(e) => e.preventDefault()} onDrop={(e) => {
          const op = opByName.get(e.dataTransfer.getData('application/x-operation'));
          if (op) addStep(op, flow.screenToFlowPosition({ x: e.clientX, y: e.clientY }));
        }}>
          <BreakpointToggle.Provider value={toggleBreakpoint}>
          <ReactFlow nodes={viewNodes} edges={allEdges} nodeTypes={nodeTypes} fitView minZoom={0.2} deleteKeyCode={['Delete', 'Backspace']}
            onNodesChange={(changes) => {
              // every change goes through React Flow's own reducer: dropping its `dimensions` changes leaves
              // re-rendered nodes unmeasured, and React Flow hides those and their edges
              const rest = containers.onChanges(changes);
              if (rest.some((c) => c.type === 'remove')) snapshot();
              const picked = rest.find((c) => c.type === 'select' && c.selected);
              if (picked && 'id' in picked) setSelected(picked.id);
              else if (rest.some((c) => c.type === 'select' && c.id === selected)) setSelected(null);
              setNodes((ns) => applyNodeChanges(rest, ns) as StepNodeT[]);
            }}
            onNodeDragStart={() => snapshot()}
            onNodeDragStop={(_, n, dragged) => containers.onDragStop(n, dragged)}
            onEdgesChange={(changes) => { if (changes.some((c) => c.type === 'remove')) snapshot(); setEdges((es) => applyEdgeChanges(changes, es)); }}
            onConnect={(c) => { snapshot(); setEdges((es) => addEdge(c, es)); }}
            onNodeClick={(_, n) => { if (n.type !== 'lane') setSelected(n.id); }}>
            <Background /><Controls />
            <Panel position="top-left" className="canvas-actions">
              <button data-testid="group-selection" disabled={running || !picked.length} onClick={() => containers.groupSelected(picked)}
                title="Make a group of the selected steps (they must follow each other)">Group</button>
              <button data-testid="ungroup" disabled={running || !sel || !extra.groups?.[sel.data.def.step]} onClick={() => sel && containers.ungroupNode(sel.id)}
                title="Put the selected group's steps in its place">Ungroup</button>
            </Panel>
          </ReactFlow>
          </BreakpointToggle.Provider>
        </section>
        <div className="splitter x" onPointerDown={dragRight} role="separator" aria-label="resize the right panel" />
        <aside className="right" style={{ width: rightW }}>
          {settings ? <Settings onClose={() => setSettings(false)} /> : child ? <Properties def={child.def} id={child.ref.inner}
            op={opByName.get(child.def.step)} earlier={child.earlier} background={child.background} onChange={child.onChange}
            onRename={child.onRename} inGroup={child.ref.group} />
            : sel ? <Properties def={sel.data.def} id={sel.id} op={opByName.get(sel.data.def.step)} earlier={earlier}
            background={nodes.filter((n) => n.data.def.background && n.id !== sel.id).map((n) => n.id)}
            group={extra.groups?.[sel.data.def.step] ? { name: sel.data.def.step, ...(extra.groups[sel.data.def.step] as { description?: string; steps: StepDef[] }) } : undefined}
            onGroupDescription={(text) => { const g = sel.data.def.step; setDirty(true);
              setExtra((x) => ({ ...x, groups: { ...x.groups, [g]: { ...(x.groups?.[g] ?? { steps: [] }), description: text || undefined } } })); }}
            onChange={(def) => { snapshot(); setNodes((ns) => ns.map((n) => (n.id === sel.id ? { ...n, data: { ...n.data, ...decorate(def), status: n.data.status } } : n))); }}
            onRename={(id) => { if (!id || nodes.some((n) => n.id === id)) return;
              snapshot();
              setNodes((ns) => ns.map((n) => (n.id === sel.id ? { ...n, id, data: { ...n.data, def: { ...n.data.def, id } } } : n)));
              setEdges((es) => es.map((e) => ({ ...e, source: e.source === sel.id ? id : e.source, target: e.target === sel.id ? id : e.target })));
              setSelected(id); }} />
            : <div className="docs-panel">
                <label className="description">Description
                  <textarea aria-label="scenario description" rows={3} value={extra.description ?? ''}
                    onChange={(e) => { setDirty(true); setExtra((x) => ({ ...x, description: e.target.value || undefined })); }} /></label>
                {docs ? <Docs text={docs} /> : <p>Select a step to edit it. Drag operations from the left.</p>}
              </div>}
        </aside>
      </main>
      <div className="splitter y" onPointerDown={dragFoot} role="separator" aria-label="resize the bottom panel" />
      <footer style={{ height: footH }}>
        <div className="message" data-testid="message">{message}
          {report && <a className="report-link" data-testid="report-link" href={report} target="_blank" rel="noreferrer"> Open the report</a>}</div>
        {sel && (
          <div className="node-actions">
            <button disabled={running || !session} onClick={() => runWhole(sel.id)} title="Run the scenario and pause before this node">Run to here</button>
            <button disabled={running || !session || !results[sel.id]} onClick={() => rerun(sel.id)} title="Run this node again in the same session">Re-run this step</button>
          </div>)}
        {paused && <DebugPanel paused={paused} onResume={resume} onStop={stop} />}
        {prompt && <div className="prompt">{prompt} <button onClick={() => { api.input(session).catch(() => undefined); setPrompt(null); }}>Continue</button></div>}
        <div className="tabs" role="tablist">
          {(['output', 'logs', 'timeline', 'map'] as const).map((t) => (
            <button key={t} role="tab" aria-selected={tab === t} className={tab === t ? 'on' : ''} data-testid={'tab-' + t}
              onClick={() => { setTab(t); if (t === 'map') setFootH((h) => Math.max(h, 400)); }}>{t[0].toUpperCase() + t.slice(1)}</button>))}
        </div>
        {tab === 'timeline' && <TimelineView records={results as never} startedAt={startedAt} running={running} selected={selected} onSelect={selectNode} />}
        {tab === 'map' && <MapView features={mapFeatures} />}
        {tab === 'output' && result && <OutputPanel result={result} />}
        {tab === 'logs' && result && <LogsPanel result={result} level={logLevel} onLevel={setLogLevel} />}
        {(tab === 'output' || tab === 'logs') && !result && <p className="empty">Select a step that ran to see its {tab}.</p>}
      </footer>
    </div>
  );
}

export function App() {
  return <ReactFlowProvider><Editor /></ReactFlowProvider>;
}

export { stepId };

export { timing };
