// Opens a report.html in headless Chromium: no console errors, prints the number of tracks on its map, screenshot.
// Usage: node e2e/report.e2e.mjs <report.html> <screenshot.png>
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
page.on('request', (r) => { if (!r.url().startsWith('file:')) requests.push(r.url()); });
await page.goto(pathToFileURL(file).href);
await page.screenshot({ path: shot, fullPage: true });
const tracks = await page.$$eval('svg.map .track', (t) => t.length);
const declarations = await page.$$eval('svg.map .declaration', (t) => t.length);
console.log(JSON.stringify({ tracks, declarations, errors, requests }));
await browser.close();
