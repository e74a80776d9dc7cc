import { describe, expect, it } from 'vitest';
import { loopKind, loopOf, loopText } from './stepedit';

describe('the loop editor', () => {
  it('makes count, items and while loops from what is typed', () => {
    expect(loopOf('count', '3')).toEqual({ count: 3 });
    expect(loopOf('count', '${{ steps.n.result }}')).toEqual({ count: '${{ steps.n.result }}' });
    expect(loopOf('items', '["a", "b"]')).toEqual({ items: ['a', 'b'] });
    expect(loopOf('items', '["a", ')).toEqual({ items: '["a",' });
    expect(loopOf('items', '${{ steps.list.result }}')).toEqual({ items: '${{ steps.list.result }}' });
    expect(loopOf('while', 'loop.index < 3')).toEqual({ while: 'loop.index < 3' });
    expect(loopOf('', 'x')).toBeUndefined();
  });
  it('reads a step loop back as a kind and a text', () => {
    const def = { step: 'Generate UUID', loop: { items: ['a', 'b'] } };
    expect(loopKind(def)).toBe('items');
    expect(loopText(def)).toBe('["a","b"]');
    expect(loopKind({ step: 'x', loop: { while: 'true' } })).toBe('while');
    expect(loopKind({ step: 'x', loop: { count: 2 } })).toBe('count');
    expect(loopText({ step: 'x' })).toBe('');
  });
});
