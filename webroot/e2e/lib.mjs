// What the editor's browser tests share: Debian's Chromium at 1280x800, screenshots, failing with one, the
// statuses of the nodes, and the check that every node and edge on the canvas stays drawn.
import { chromium } from 'playwright-core';
import { mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export async function open(shots) {
  mkdirSync(shots, { recursive: true });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu',
      '--disable-quic', '--no-first-run', '--disable-sync'],
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  // console errors of the page's own code, and React Flow's warnings (a child before its parent, an unknown node
  // type...); the browser's own lines about refused requests are not (the tests stop the backend and send bad input)
  page.on('console', (m) => {
    const t = m.text();
    if ((m.type() === 'error' && !/^Failed to load resource|net::ERR_|WebSocket connection to/.test(t)) || t.includes('[React Flow]')) {
      errors.push('console: ' + t);
    }
  });
  const shot = (name) => page.screenshot({ path: join(shots, name + '.png') });
  const fail = async (msg) => { await shot('failure'); console.error('FAIL: ' + msg); await browser.close(); process.exit(1); };
  const statuses = () => page.$$eval('[data-testid^="node-"]', (ns) => ns.map((n) => [n.dataset.testid.slice(5), n.dataset.status]));
  // React Flow hides a node it has not measured (visibility: hidden) and does not draw the edges of such a node
  const edges = { expected: 0 };
  const expectEdges = async () => {
    await page.waitForTimeout(300);
    edges.expected = await page.$$eval('.react-flow__edge', (es) => es.length);
    if (!edges.expected) await fail('no edge drawn after loading');
  };
  const assertAllVisible = async (when) => {
    const bad = await page.evaluate(() => {
      const out = [];
      for (const n of document.querySelectorAll('.react-flow__node')) {
        const r = n.getBoundingClientRect();
        if (getComputedStyle(n).visibility === 'hidden' || r.width === 0 || r.height === 0) out.push('node ' + n.dataset.id);
      }
      for (const e of document.querySelectorAll('.react-flow__edge')) {
        const p = e.querySelector('path');
        const r = p ? p.getBoundingClientRect() : { width: 0, height: 0 };
        if (getComputedStyle(e).visibility === 'hidden' || (r.width === 0 && r.height === 0)) out.push('edge ' + e.getAttribute('data-id'));
      }
      return { out, edges: document.querySelectorAll('.react-flow__edge').length };
    });
    if (bad.out.length || bad.edges < edges.expected) {
      await fail(`${when}: hidden or missing on the canvas: ${bad.out.join(', ')} (${bad.edges} of ${edges.expected} edges drawn)`);
    }
  };
  const waitAll = async (status, ms) => {
    const end = Date.now() + ms;
    while (Date.now() < end) {
      await assertAllVisible('while waiting for ' + status);
      const s = await statuses();
      if (s.length && s.every(([, st]) => st === status)) return s;
      await page.waitForTimeout(200);
    }
    await fail(`not every node is ${status}: ${JSON.stringify(await statuses())}`);
  };
  // the scenario list in the sidebar (grouped by suite, then by folder): a click opens one
  const openScenario = (id) => page.locator(`[data-scenario="${id}"]:visible`).first().click();
  // a scenario imported as a file, as a user does with Import
  const importYaml = async (name, text) => {
    const file = join(tmpdir(), name + '.yaml');
    writeFileSync(file, text);
    await page.setInputFiles('input[aria-label="import yaml"]', file);
  };
  return { browser, page, errors, shot, fail, statuses, expectEdges, assertAllVisible, waitAll, openScenario, importYaml };
}
