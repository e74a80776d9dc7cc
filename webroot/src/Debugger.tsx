import { createContext, useEffect, useState } from 'react';

/** The node toolbar's breakpoint toggle reaches the editor through this (node data stays plain). */
export const BreakpointToggle = createContext<(id: string) => void>(() => undefined);

export interface Paused { stepId: string; args: Record<string, unknown> }

/**
 * A run paused before a step: what its arguments resolved to, editable for this run, and Step (run it, pause before
 * the next), Continue (to the next breakpoint) and Stop.
 */
export function DebugPanel({ paused, onResume, onStop }: {
  paused: Paused;
  onResume: (mode: 'step' | 'continue', args?: Record<string, unknown>) => void;
  onStop: () => void;
}) {
  const original = JSON.stringify(paused.args, null, 2);
  const [text, setText] = useState(original);
  const [error, setError] = useState('');
  useEffect(() => { setText(original); setError(''); }, [original, paused.stepId]);
  const go = (mode: 'step' | 'continue') => {
    if (text === original) { onResume(mode); return; }
    try {
      const edited = JSON.parse(text);
      if (typeof edited !== 'object' || edited === null || Array.isArray(edited)) throw new Error('an object of argument name -> value');
      onResume(mode, edited);
    } catch (e) { setError('Not valid: ' + (e as Error).message); }
  };
  return (
    <div className="debug-panel" data-testid="debug-panel">
      <strong>Paused before {paused.stepId}</strong>
      <div>Resolved arguments (edit them for this run):</div>
      <textarea aria-label="resolved arguments" value={text} rows={Math.min(12, text.split('\n').length + 1)}
        onChange={(e) => { setText(e.target.value); setError(''); }} />
      {error && <div className="error">{error}</div>}
      <div className="debug-actions">
        <button onClick={() => go('step')}>Step</button>
        <button onClick={() => go('continue')}>Continue</button>
        <button onClick={onStop}>Stop</button>
      </div>
    </div>
  );
}
