import { useEffect, useRef, useState } from 'react';
import 'leaflet/dist/leaflet.css';
import { drawMap, type FeatureCollection, type MapHandle } from './mapdraw';
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
    </div>
  );
}
