// Undo/redo of the editor (the state before each edit, at most 100 kept) and the keyboard shortcuts of the canvas.

export class EditHistory<S> {
  private undos: S[] = [];
  private redos: S[] = [];

  constructor(private readonly limit = 100) {}

  /** Before an edit: keeps the state it starts from; a new edit forgets what was undone. */
  record(before: S): void {
    this.undos.push(before);
    if (this.undos.length > this.limit) this.undos.shift();
    this.redos = [];
  }

  /** The state to go back to ({@code current} kept for redo), or undefined when there is none. */
  undo(current: S): S | undefined {
    return EditHistory.move(this.undos, this.redos, current);
  }

  /** The state undone last ({@code current} kept for undo), or undefined. */
  redo(current: S): S | undefined {
    return EditHistory.move(this.redos, this.undos, current);
  }

  private static move<S>(from: S[], to: S[], current: S): S | undefined {
    const prev = from.pop();
    if (prev !== undefined) to.push(current);
    return prev;
  }
}

export type Shortcut = 'undo' | 'redo' | 'copy' | 'paste';

interface Key { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; target: EventTarget | null }

/** What a key press means on the canvas: Ctrl/Cmd+Z, +Y or +Shift+Z, +C, +V; nothing while typing in a field. */
export function shortcut(e: Key): Shortcut | undefined {
  const tag = (e.target as { tagName?: string } | null)?.tagName;
  if (tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || !(e.ctrlKey || e.metaKey)) return undefined;
  const k = e.key.toLowerCase();
  if (k === 'z') return e.shiftKey ? 'redo' : 'undo';
  return k === 'y' ? 'redo' : k === 'c' ? 'copy' : k === 'v' ? 'paste' : undefined;
}
