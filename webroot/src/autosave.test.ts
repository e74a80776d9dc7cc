import { describe, expect, it } from 'vitest';
import { AUTOSAVE_KEY, forget, keep, restore } from './autosave';

class Memory {
  data = new Map<string, string>();
  getItem(k: string) { return this.data.get(k) ?? null; }
  setItem(k: string, v: string) { this.data.set(k, v); }
  removeItem(k: string) { this.data.delete(k); }
}

describe('autosave of the open scenario', () => {
  it('keeps and restores the graph, its name, path, description and groups', () => {
    const store = new Memory();
    const state = { path: 'mine/a', name: 'a', extra: { description: 'why', groups: { g: { steps: [{ step: 'Generate UUID' }] } } },
      nodes: [{ id: 'x', x: 1, y: 2, def: { id: 'x', step: 'Generate UUID' }, breakpoint: true }], edges: [{ id: 'e', source: 'x', target: 'y' }] };
    keep(store, state);
    expect(restore(store)).toEqual(state);
    forget(store);
    expect(restore(store)).toBeNull();
  });
  it('passes over what it cannot read', () => {
    const store = new Memory();
    store.setItem(AUTOSAVE_KEY, '{not json');
    expect(restore(store)).toBeNull();
    store.setItem(AUTOSAVE_KEY, '{"name": 3}');
    expect(restore(store)).toBeNull();
  });
});
