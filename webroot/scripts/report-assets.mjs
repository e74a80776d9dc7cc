// Copies Leaflet's stylesheet next to the service's classes (report-assets/), where report.html inlines it beside
// report-map.js (built by vite.report.config.ts).
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '../../target/classes/report-assets');
mkdirSync(out, { recursive: true });
copyFileSync(resolve(here, '../node_modules/leaflet/dist/leaflet.css'), resolve(out, 'leaflet.css'));
console.log(`report-assets: leaflet.css -> ${out}`);
