// report.html's maps (built into the report's assets as one script with Leaflet): each .lmap element holds its
// features as GeoJSON and an SVG drawing of them for readers without script; the SVG gives way to the map.
import { drawMap, type FeatureCollection } from './mapdraw';

document.querySelectorAll<HTMLElement>('.lmap').forEach((el) => {
  const data = el.querySelector('script.map-data');
  if (!data) return;
  const fc = JSON.parse(data.textContent ?? '{}') as FeatureCollection;
  el.innerHTML = '';
  el.classList.add('leaflet-map');
  drawMap(el, fc, el.getAttribute('data-tiles'));
});
