import { describe, expect, it } from 'vitest';
import { LANE_WIDTH, phaseLanes, ROW } from './lanes';

describe('group by phase', () => {
  it('puts the phases side by side in flight order, each lane in run order, steps without a phase last', () => {
    const { positions, lanes } = phaseLanes(
      { cleanup: 'POST FLIGHT', uuid: null, setup: 'PRE FLIGHT', fly: 'CRUISE', activate: 'PRE FLIGHT', end: 'POST FLIGHT' },
      ['cleanup', 'uuid', 'setup', 'activate', 'fly', 'end']);
    expect(lanes.map((l) => l.phase)).toEqual(['PRE FLIGHT', 'CRUISE', 'POST FLIGHT', 'ANY PHASE']);
    expect(positions.setup.x).toBe(positions.activate.x);
    expect(positions.activate.y - positions.setup.y).toBe(ROW);
    expect(positions.fly.x - positions.setup.x).toBe(LANE_WIDTH);
    expect(positions.cleanup.y).toBeLessThan(positions.end.y);
    expect(positions.uuid.x).toBe(3 * LANE_WIDTH + 30);
  });
  it('puts an unknown phase between the flight phases and the steps without one', () => {
    const { lanes } = phaseLanes({ a: 'FLIGHT PLANNING', b: null, c: 'CRUISE' }, ['a', 'b', 'c']);
    expect(lanes.map((l) => l.phase)).toEqual(['CRUISE', 'FLIGHT PLANNING', 'ANY PHASE']);
  });
});
