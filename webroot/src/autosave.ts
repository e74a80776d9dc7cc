// The open scenario kept in the tab's sessionStorage while it has unsaved changes, and restored on a reload (as the
// toolkit's editor does); saved, loaded or new scenarios clear it.
import type { Scenario, StepDef } from './graph';

export const AUTOSAVE_KEY = 'openutm.autosave';

export interface Autosave {
  path: string;
  name: string;
  extra: Pick<Scenario, 'description' | 'groups'>;
  nodes: { id: string; x: number; y: number; def: StepDef; breakpoint?: boolean }[];
  edges: { id: string; source: string; target: string }[];
}

interface Store { getItem(k: string): string | null; setItem(k: string, v: string): void; removeItem(k: string): void }

export function keep(store: Store, state: Autosave): void {
  try { store.setItem(AUTOSAVE_KEY, JSON.stringify(state)); } catch { /* storage full or off: nothing kept */ }
}

export function forget(store: Store): void {
  store.removeItem(AUTOSAVE_KEY);
}

/** What was kept, or null when nothing (or something unreadable) was. */
export function restore(store: Store): Autosave | null {
  const raw = store.getItem(AUTOSAVE_KEY);
  if (!raw) return null;
  try {
    const a = JSON.parse(raw) as Autosave;
    return Array.isArray(a.nodes) && Array.isArray(a.edges) && typeof a.name === 'string' ? a : null;
  } catch {
    return null;
  }
}
