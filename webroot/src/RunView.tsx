import { useEffect, useRef, useState } from 'react';
import 'leaflet/dist/leaflet.css';
import { drawMap, type FeatureCollection, type MapHandle } from './mapdraw';
import { extent, profiles } from './profile';
import { tickStep, timeline } from './timeline';

type Records = Parameters<typeof timeline>[0];
const COLOUR: Record<string, string> = { success: '#34a853', failure: '#d93025', running: '#4a7bd0', skipped: '#9aa0a6' };

/** The run as a Gantt chart, live while it runs; clicking a bar selects its node. */
export function TimelineView({ records, startedAt, running, selected, onSelect }: {
  records: Records; startedAt: Record<string, number>; running: boolean; selected: string | null; onSelect: (id: string) => void;
}) {
  const [now, setNow] = useState(Date.now());
  useEffect(() => {
    if (!running) return undefined;
    const t = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(t);
  }, [running]);
  const t = timeline(records, startedAt, running ? now : 0);
  if (!t.bars.length) return <p className="empty" data-testid="timeline-empty">No step has run yet.</p>;
  const row = 18;
  const label = 180;
  const width = 900;
  const x = (s: number) => label + (s / t.span) * (width - label - 10);
  const tick = tickStep(t.span / 8);
  const ticks: number[] = [];
  for (let s = 0; s <= t.span + 1e-9; s += tick) ticks.push(s);
  const height = t.bars.length * row + 24;
  return (
    <svg className="timeline" data-testid="timeline" width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
      {ticks.map((s) => (
        <g key={s}><line x1={x(s)} x2={x(s)} y1={0} y2={height - 18} stroke="#e3e6ea" />
          <text x={x(s) + 2} y={height - 6} fontSize={10} fill="#667">{Number(s.toPrecision(3))} s</text></g>))}
      {t.bars.map((b, i) => (
        <g key={b.id} className={'bar ' + b.status + (b.id === selected ? ' selected' : '')} data-step={b.id}
          onClick={() => onSelect(b.id)} style={{ cursor: 'pointer' }}>
          <title>{`${b.id}: ${b.status}, ${b.start.toFixed(2)} s to ${b.end.toFixed(2)} s`}</title>
          <rect className="row-hit" x={0} y={i * row} width={width} height={row} fill="transparent" />
          <text x={label - 6} y={i * row + 13} fontSize={11} textAnchor="end" fill="currentColor">{b.id.length > 28 ? b.id.slice(0, 27) + '…' : b.id}</text>
          <rect x={x(b.start)} y={i * row + 3} width={Math.max(2, x(b.end) - x(b.start))} height={row - 6} rx={2}
            fill={COLOUR[b.status] ?? '#9aa0a6'} stroke={b.id === selected ? '#222' : 'none'} />
        </g>))}
    </svg>
  );
}

/** The run's map as the backend sends it (`map` events: the report map's GeoJSON), redrawn as it grows. */
export function MapView({ features }: { features: FeatureCollection | null }) {
  const el = useRef<HTMLDivElement>(null);
  const handle = useRef<MapHandle | null>(null);
  useEffect(() => {
    if (!features || !el.current) return;
    if (handle.current) handle.current.update(features);
    else handle.current = drawMap(el.current, features, null);
  }, [features]);
  useEffect(() => () => { handle.current?.remove(); handle.current = null; }, []);
  return (
    <div className="live-map-wrap">
      {!features && <p className="empty" data-testid="map-empty">No declaration, geofence, telemetry or air traffic yet.</p>}
      <div ref={el} className="live-map" data-testid="live-map" style={{ display: features ? 'block' : 'none' }} />
      <AltitudeChart features={features} />
    </div>
  );
}

const TRACK_COLOUR: Record<string, string> = { telemetry: '#1f9d49', traffic: '#e8a317' };

/** The altitude of each track of the map over time (seconds since its first sample), one line each. */
export function AltitudeChart({ features }: { features: FeatureCollection | null }) {
  const ps = profiles(features);
  if (!ps.length) return null;
  const [x0, x1, y0, y1] = extent(ps);
  const W = 900;
  const H = 120;
  const left = 52;
  const bottom = 18;
  const sx = (W - left - 10) / Math.max(x1 - x0, 1e-6);
  const sy = (H - bottom - 14) / (y1 - y0);
  const at = (p: [number, number]) => `${(left + (p[0] - x0) * sx).toFixed(1)},${(H - bottom - (p[1] - y0) * sy).toFixed(1)}`;
  return (
    <svg className="altitude-chart" data-testid="altitude-chart" width={W} height={H} viewBox={`0 0 ${W} ${H}`}>
      <text x={left} y={10} fontSize={11} fontWeight={600} fill="currentColor">Altitude</text>
      <line x1={left} y1={H - bottom} x2={W - 10} y2={H - bottom} stroke="#999" />
      <line x1={left} y1={14} x2={left} y2={H - bottom} stroke="#999" />
      <text x={left - 4} y={H - bottom} fontSize={10} textAnchor="end" fill="currentColor">{Math.round(y0)} m</text>
      <text x={left - 4} y={20} fontSize={10} textAnchor="end" fill="currentColor">{Math.round(y1)} m</text>
      <text x={W - 10} y={H - 4} fontSize={10} textAnchor="end" fill="currentColor">{Math.round(x1 - x0)} s</text>
      {ps.map((p) => (
        <polyline key={p.kind + p.id} className={'profile kind-' + p.kind} points={p.points.map(at).join(' ')} fill="none"
          stroke={TRACK_COLOUR[p.kind]} strokeWidth={1.5}><title>{p.kind + ' ' + p.id}</title></polyline>))}
    </svg>
  );
}
