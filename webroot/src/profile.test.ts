import { describe, expect, it } from 'vitest';
import { extent, profiles } from './profile';

const track = (kind: string, id: string, altitudes: (number | null)[], times?: (number | null)[]) => ({
  type: 'Feature' as const, properties: { kind, id, altitudes, times }, geometry: { type: 'LineString', coordinates: [] } });

describe('the altitude profile', () => {
  it('reads each track as altitude over time, over samples when times are missing', () => {
    const ps = profiles({ type: 'FeatureCollection', features: [
      track('telemetry', 'op1', [100, 110, null, 130], [0, 1, 2, 3]),
      track('traffic', 'ABC', [500, 520], [null, null]),
      track('declaration', 'x', [1, 2]),
      track('traffic', 'one', [300]),
    ] });
    expect(ps).toEqual([
      { id: 'op1', kind: 'telemetry', points: [[0, 100], [1, 110], [3, 130]] },
      { id: 'ABC', kind: 'traffic', points: [[0, 500], [1, 520]] },
    ]);
    expect(extent(ps)).toEqual([0, 3, 100, 520]);
  });
  it('gives a level flight some room', () => {
    expect(extent([{ id: 'a', kind: 'telemetry', points: [[0, 50], [5, 50]] }])).toEqual([0, 5, 49, 51]);
  });
  it('is empty without a map', () => {
    expect(profiles(null)).toEqual([]);
  });
});
