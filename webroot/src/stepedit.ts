// What the properties panel edits of a step's loop, kept apart from React.
import type { StepDef } from './graph';

export type LoopKind = '' | 'count' | 'items' | 'while';
export const loopKind = (def: StepDef): LoopKind => (!def.loop ? '' : def.loop.items !== undefined ? 'items'
  : def.loop.while !== undefined ? 'while' : 'count');
export const loopText = (def: StepDef): string => {
  const l = def.loop;
  if (!l) return '';
  const v = l.items ?? l.while ?? l.count;
  return typeof v === 'string' ? v : v === undefined ? '' : JSON.stringify(v);
};

/** The loop a kind and a text make: a number or a `${{ }}` count, a JSON list or an expression of items, a condition. */
export function loopOf(kind: LoopKind, text: string): StepDef['loop'] {
  const t = text.trim();
  if (kind === 'count') return { count: t !== '' && !isNaN(Number(t)) ? Number(t) : t };
  if (kind === 'items') {
    if (t.startsWith('[')) { try { return { items: JSON.parse(t) }; } catch { /* keep the text until it parses */ } }
    return { items: t };
  }
  if (kind === 'while') return { while: t };
  return undefined;
}

