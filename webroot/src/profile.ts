// The altitude profile under the live map: each track of the run's map features (telemetry, air traffic) as
// altitude over seconds since its first sample (or over its samples when it has no times).
import type { FeatureCollection } from './mapdraw';

export interface Profile { id: string; kind: string; points: [number, number][] }

export function profiles(fc: FeatureCollection | null): Profile[] {
  const out: Profile[] = [];
  for (const f of fc?.features ?? []) {
    const p = f.properties as { kind: string; id?: string; altitudes?: (number | null)[]; times?: (number | null)[] };
    if (!p.altitudes || (p.kind !== 'telemetry' && p.kind !== 'traffic')) continue;
    const timed = (p.times ?? []).every((t) => t !== null) && (p.times ?? []).length === p.altitudes.length;
    const points: [number, number][] = [];
    p.altitudes.forEach((a, i) => { if (a !== null) points.push([timed ? (p.times![i] as number) : i, a]); });
    if (points.length > 1) out.push({ id: p.id ?? p.kind, kind: p.kind, points });
  }
  return out;
}

/** The box all profiles fit in: [minX, maxX, minAlt, maxAlt] (a level flight gets a metre of room each side). */
export function extent(ps: Profile[]): [number, number, number, number] {
  const xs = ps.flatMap((p) => p.points.map((q) => q[0]));
  const ys = ps.flatMap((p) => p.points.map((q) => q[1]));
  let lo = Math.min(...ys);
  let hi = Math.max(...ys);
  if (hi - lo < 2) { lo -= 1; hi += 1; }
  return [Math.min(...xs), Math.max(...xs), lo, hi];
}
