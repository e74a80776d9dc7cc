import { describe, expect, it } from 'vitest';
import { EditHistory, shortcut } from './history';

describe('edit history', () => {
  it('undoes and redoes in order; a new edit forgets what was undone', () => {
    const h = new EditHistory<number>();
    h.record(1); h.record(2);
    expect(h.undo(3)).toBe(2);
    expect(h.undo(2)).toBe(1);
    expect(h.undo(1)).toBeUndefined();
    expect(h.redo(1)).toBe(2);
    h.record(2);
    expect(h.redo(5)).toBeUndefined();
  });
  it('keeps at most its limit', () => {
    const h = new EditHistory<number>(2);
    [1, 2, 3].forEach((n) => h.record(n));
    expect([h.undo(4), h.undo(3), h.undo(2)]).toEqual([3, 2, undefined]);
  });
});

describe('shortcuts', () => {
  const key = (key: string, o: Partial<{ ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; tag: string }> = {}) =>
    shortcut({ key, ctrlKey: o.ctrlKey ?? true, metaKey: o.metaKey ?? false, shiftKey: o.shiftKey ?? false,
      target: { tagName: o.tag ?? 'DIV' } as unknown as EventTarget });
  it('reads Ctrl and Cmd combinations, not plain keys or typing in fields', () => {
    expect([key('z'), key('Z', { shiftKey: true }), key('y'), key('c'), key('v')]).toEqual(['undo', 'redo', 'redo', 'copy', 'paste']);
    expect(key('z', { ctrlKey: false, metaKey: true })).toBe('undo');
    expect(key('z', { ctrlKey: false })).toBeUndefined();
    expect(key('z', { tag: 'TEXTAREA' })).toBeUndefined();
    expect(key('x')).toBeUndefined();
  });
});
