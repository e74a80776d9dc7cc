import { describe, expect, it } from 'vitest';
import { tickStep, timeline } from './timeline';

describe('the run timeline', () => {
  it('puts a bar per step from its start to its end, ordered by start, background steps overlapping', () => {
    const t = timeline({
      fly: { status: 'success', started_at: '2026-12-07T10:00:01Z', finished_at: '2026-12-07T10:00:03Z' },
      bg: { status: 'success', started_at: '2026-12-07T10:00:00Z', finished_at: '2026-12-07T10:00:10Z' },
      skipped: { status: 'skipped' },
      loop: { status: 'success', aggregate: true },
    }, {}, Date.parse('2026-12-07T10:00:20Z'));
    expect(t.bars).toEqual([
      { id: 'bg', status: 'success', start: 0, end: 10 },
      { id: 'fly', status: 'success', start: 1, end: 3 },
    ]);
    expect(t.span).toBe(10);
  });
  it('runs a step that has not finished up to now, from its started event', () => {
    const t0 = Date.parse('2026-12-07T10:00:00Z');
    const t = timeline({ a: { status: 'success', started_at: '2026-12-07T10:00:00Z', finished_at: '2026-12-07T10:00:01Z' },
      w: { status: 'running' } }, { w: t0 + 2000 }, t0 + 5000);
    expect(t.bars[1]).toEqual({ id: 'w', status: 'running', start: 2, end: 5 });
  });
  it('is empty before anything started', () => {
    expect(timeline({}, {}, 0)).toEqual({ bars: [], span: 0 });
  });
  it('ticks at 1, 2 or 5 times a power of ten', () => {
    expect(tickStep(0.3)).toBe(0.5);
    expect(tickStep(1.2)).toBe(2);
    expect(tickStep(7)).toBe(10);
  });
});
