// Copies Leaflet's dist files next to the service's classes (report-assets/), where report.html inlines them.
import { copyFileSync, mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = resolve(here, '../../target/classes/report-assets');
mkdirSync(out, { recursive: true });
for (const f of ['leaflet.js', 'leaflet.css']) {
  copyFileSync(resolve(here, '../node_modules/leaflet/dist', f), resolve(out, f));
}
console.log(`report-assets: leaflet.js, leaflet.css -> ${out}`);
