// The Python toolkit's own web editor (../shared/upstream/web-editor, built) served by this service, in headless
// Chromium: connects, lists operations and scenarios, opens one and runs it with live statuses over its SSE stream.
// Every answer the page gets must be one a working server gives: no 403, 415 or 5xx.
// Usage: node e2e/toolkit-editor.e2e.mjs <base-url (with ?token= when the service needs one)> <screenshot-dir> <prefix>
import { chromium } from 'playwright-core';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

const [base, shots, prefix = 'toolkit'] = process.argv.slice(2);
mkdirSync(shots, { recursive: true });
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-background-networking', '--disable-component-update', '--disable-gpu',
    '--disable-quic', '--no-first-run', '--disable-sync'],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const problems = [];
page.on('pageerror', (e) => problems.push('page error: ' + e.message));
page.on('dialog', (d) => { problems.push('dialog: ' + d.message()); d.accept().catch(() => undefined); });
page.on('response', (r) => {
  if (r.status() === 403 || r.status() === 415 || r.status() >= 500) problems.push(`${r.status()} ${r.request().method()} ${r.url()}`);
});
const shot = (name) => page.screenshot({ path: join(shots, `${prefix}-${name}.png`) });
const fail = async (msg) => { await shot('failure'); console.error('FAIL: ' + msg + (problems.length ? '\n' + problems.join('\n') : '')); await browser.close(); process.exit(1); };

await page.goto(base);
await page.getByText('Connected', { exact: true }).waitFor({ timeout: 20000 }).catch(() => fail('never connected'));
await page.getByRole('button', { name: 'Toolbox' }).click();
await page.getByText('Generate UUID', { exact: true }).first().waitFor({ timeout: 15000 }).catch(() => fail('no operations in the toolbox'));
await page.getByRole('button', { name: 'Scenarios' }).click();
await page.locator('button[title="geo-fence/geo_fence_upload"]').click({ timeout: 15000 }).catch(() => fail('scenario not listed'));
await page.waitForFunction(() => document.querySelectorAll('.react-flow__node').length >= 4, null, { timeout: 15000 })
  .catch(() => fail('the scenario did not open'));
await shot('01-opened');
await page.locator('button[title="Run scenario"]').click();
const done = await page.waitForFunction(() => document.querySelectorAll('[data-testid="status-success"]').length >= 4,
  null, { timeout: 60000 }).catch(() => null);
if (!done) await fail('the run did not turn every step green');
await shot('02-run-green');
if (problems.length) await fail('unexpected answers');
await browser.close();
console.log('E2E OK');
