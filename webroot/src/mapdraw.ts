// Draws a run's map with Leaflet: the GeoJSON the backend makes of a run (report.MapData.features: properties.kind
// declaration, geofence, telemetry, traffic, cpa, encounter), fitted to the flight, with a graticule when there are no
// tiles, a scale bar and a legend. One drawing for the editor's live map and for report.html (reportmap.ts, built
// into the report's assets).
import L from 'leaflet';

export interface MapFeature {
  type: 'Feature';
  properties: { kind: string; id?: string; level?: number };
  geometry: { type: string; coordinates: unknown };
}
export interface FeatureCollection { type: 'FeatureCollection'; features: MapFeature[] }

export const STYLE: Record<string, L.PathOptions & { radius?: number }> = {
  declaration: { color: '#2f6fe4', weight: 2, fillColor: '#cfe3ff', fillOpacity: 0.45 },
  geofence: { color: '#c33', weight: 2, fillColor: '#f3c5c5', fillOpacity: 0.45 },
  telemetry: { color: '#1f9d49', weight: 3 },
  traffic: { color: '#e8a317', weight: 2 },
  cpa: { color: '#c0392b', weight: 2, dashArray: '4 3' },
  encounter: { color: '#c0392b', weight: 2, radius: 7, fill: false },
};
const LEGEND: [string, string][] = [['declaration', 'declaration'], ['geofence', 'geofence'], ['telemetry', 'telemetry'],
  ['traffic', 'air traffic'], ['encounter', 'DAA closest approach']];

/** 1, 2 or 5 times a power of ten: about six graticule lines across {@code span} degrees. */
export function niceStep(span: number): number {
  const raw = Math.max(span, 1e-5) / 6;
  const p = 10 ** Math.floor(Math.log10(raw));
  for (const m of [1, 2, 5, 10]) if (m * p >= raw) return m * p;
  return 10 * p;
}

function style(kind: string): L.PathOptions & { radius?: number } {
  return { ...(STYLE[kind] ?? {}), className: 'kind-' + kind };
}

function graticule(map: L.Map, view: L.LatLngBounds): L.LayerGroup {
  const step = niceStep(Math.max(view.getNorth() - view.getSouth(), view.getEast() - view.getWest()));
  const b = view.pad(3);
  const line: L.PolylineOptions = { color: '#b8c0cc', weight: 0.6, interactive: false, className: 'graticule' };
  const g = L.layerGroup();
  for (let lat = Math.floor(b.getSouth() / step) * step; lat <= b.getNorth(); lat += step) {
    g.addLayer(L.polyline([[lat, b.getWest()], [lat, b.getEast()]], line));
  }
  for (let lon = Math.floor(b.getWest() / step) * step; lon <= b.getEast(); lon += step) {
    g.addLayer(L.polyline([[b.getSouth(), lon], [b.getNorth(), lon]], line));
  }
  return g.addTo(map);
}

export interface MapHandle { update(fc: FeatureCollection): void; remove(): void }

/** Draws {@code fc} into {@code el} (which must have a size); {@code update} redraws with new features. */
export function drawMap(el: HTMLElement, fc: FeatureCollection, tiles?: string | null): MapHandle {
  const map = L.map(el, { attributionControl: !!tiles, zoomSnap: 0.25 });
  if (tiles) L.tileLayer(tiles, { maxZoom: 20 }).addTo(map);
  L.control.scale({ imperial: false }).addTo(map);
  const legendBox = L.DomUtil.create('div', 'map-legend');
  const legend = new L.Control({ position: 'topright' });
  legend.onAdd = () => legendBox;
  legend.addTo(map);
  let layer: L.GeoJSON | null = null;
  let grid: L.LayerGroup | null = null;
  let fitted = false;
  const update = (next: FeatureCollection) => {
    const kinds = new Set<string>();
    layer?.remove();
    layer = L.geoJSON(next as unknown as GeoJSON.FeatureCollection, {
      style: (f) => style((f?.properties as MapFeature['properties']).kind),
      pointToLayer: (f, at) => L.circleMarker(at, style((f.properties as MapFeature['properties']).kind)),
      onEachFeature: (f, l) => {
        const p = f.properties as MapFeature['properties'];
        kinds.add(p.kind);
        l.bindTooltip(p.kind + (p.id ? ' ' + p.id : '') + (p.level !== undefined ? ', alert level ' + p.level : ''),
          { sticky: true });
      },
    }).addTo(map);
    const bounds = layer.getBounds();
    if (bounds.isValid() && (!fitted || !map.getBounds().contains(bounds))) {
      map.fitBounds(bounds.pad(0.08));
      fitted = true;
    }
    if (!tiles && bounds.isValid()) {
      grid?.remove();
      grid = graticule(map, map.getBounds());
      grid.eachLayer((l) => (l as L.Polyline).bringToBack());
    }
    legendBox.innerHTML = '';
    for (const [kind, label] of LEGEND) {
      if (!kinds.has(kind)) continue;
      const row = L.DomUtil.create('div', '', legendBox);
      const swatch = L.DomUtil.create('span', 'swatch', row);
      swatch.style.background = String(STYLE[kind].color);
      row.appendChild(document.createTextNode(label));
    }
  };
  update(fc);
  return { update, remove: () => map.remove() };
}
