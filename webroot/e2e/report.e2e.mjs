// Opens a report.html in headless Chromium: no console errors, no network request; what its maps, timelines and
// altitude profiles draw; a screenshot. Usage: node e2e/report.e2e.mjs <report.html> <screenshot.png>
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';

const [file, shot] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu'] });
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
const errors = [];
page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
page.on('pageerror', (e) => errors.push(e.message));
const requests = [];
page.on('request', (r) => { if (r.url() !== pathToFileURL(file).href) requests.push(r.url()); });
await page.goto(pathToFileURL(file).href);
await page.waitForTimeout(300);
// the whole page, unless it is very long (a 10,000-step report): then what a reader sees first
const tall = await page.evaluate(() => document.documentElement.scrollHeight > 20000);
await page.screenshot({ path: shot, fullPage: !tall });
const count = (selector) => page.$$eval(selector, (t) => t.length);
const leaflet = await count('.lmap.leaflet-map');
const seen = {
  leaflet,
  // Leaflet's paths when the map is interactive, the SVG fallback's otherwise
  tracks: leaflet ? await count('.leaflet-overlay-pane path.kind-telemetry, .leaflet-overlay-pane path.kind-traffic')
    : await count('svg.map .track'),
  declarations: leaflet ? await count('.leaflet-overlay-pane path.kind-declaration') : await count('svg.map .declaration'),
  scale: await count('.leaflet-control-scale'),
  legend: await page.$$eval('.map-legend div', (d) => d.map((x) => x.textContent)),
  timelineBars: await count('svg.timeline g.bar'),
  profiles: await count('svg.altitude polyline.profile'),
  docs: await page.$$eval('.docs table', (t) => t.length),
  errors,
  requests,
};
console.log(JSON.stringify(seen));
await browser.close();
