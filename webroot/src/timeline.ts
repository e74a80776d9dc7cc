// The run as a Gantt chart: a bar per step from its start to its end (a step still running ends "now"), ordered by
// start, so background steps overlap the steps that ran meanwhile. Read from the step records (started_at,
// finished_at) and, for steps that have not finished, the time their `started` event came.

export interface Bar { id: string; status: string; start: number; end: number }
export interface Timeline { bars: Bar[]; span: number }

type Records = Record<string, { status: string; started_at?: string | null; finished_at?: string | null; aggregate?: boolean } | undefined>;

/** Bars in seconds from the first start; {@code startedAt}: epoch ms of each `started` event; {@code now}: epoch ms. */
export function timeline(records: Records, startedAt: Record<string, number>, now: number): Timeline {
  const raw: { id: string; status: string; a: number; b: number }[] = [];
  const ids = new Set([...Object.keys(records), ...Object.keys(startedAt)]);
  for (const id of ids) {
    const r = records[id];
    if (r?.aggregate) continue;
    const a = r?.started_at ? Date.parse(r.started_at) : startedAt[id];
    if (a === undefined || Number.isNaN(a)) continue;
    const status = r?.status ?? 'running';
    const done = r?.finished_at ? Date.parse(r.finished_at) : NaN;
    const b = !Number.isNaN(done) && status !== 'running' ? done : status === 'running' ? now : a;
    raw.push({ id, status, a, b: Math.max(a, b) });
  }
  if (!raw.length) return { bars: [], span: 0 };
  raw.sort((x, y) => x.a - y.a || x.id.localeCompare(y.id));
  const t0 = raw[0].a;
  const bars = raw.map((r) => ({ id: r.id, status: r.status, start: (r.a - t0) / 1000, end: (r.b - t0) / 1000 }));
  return { bars, span: Math.max(0.001, ...bars.map((b) => b.end)) };
}

/** 1, 2 or 5 times a power of ten, at least {@code raw}: the ticks of the time axis. */
export function tickStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(Math.max(raw, 1e-6)));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}
