// End-to-end test of the editor in headless Chromium (Debian's /usr/bin/chromium) against the running service.
// Usage: node e2e/editor.e2e.mjs <base-url> <screenshot-dir>. Prints "STOP_BACKEND" when the test runner should
// stop the service (to see the indicator change). Exits non-zero on the first failed expectation.
import { readFileSync } from 'node:fs';
import { open } from './lib.mjs';

// mode "token": the service needs its API token; `base` carries ?token=..., and the run stops after the runs.
const [base, shots, mode = 'full'] = process.argv.slice(2);
const { browser, page, errors, shot, fail, statuses, expectEdges, assertAllVisible, waitAll, openScenario, importYaml } = await open(shots);
await page.goto(base);
await page.getByTestId('connection').filter({ hasText: 'Connected' }).waitFor({ timeout: 15000 });
const width = await page.evaluate(() => document.documentElement.scrollWidth);
if (width > 1280) await fail('horizontal scrolling at 1280x800: ' + width);
await page.waitForFunction(() => document.querySelectorAll('.tool').length > 40);
await shot(mode === 'token' ? 'token-01-connected' : '01-connected');
// panels resize by dragging their edge (and keep the size)
const leftWidth = () => page.$eval('main > aside', (a) => a.getBoundingClientRect().width);
const widthBefore = await leftWidth();
const edge = await page.locator('[aria-label="resize the left panel"]').boundingBox();
await page.mouse.move(edge.x + 2, edge.y + 100);
await page.mouse.down();
await page.mouse.move(edge.x + 62, edge.y + 100, { steps: 5 });
await page.mouse.up();
if (Math.abs((await leftWidth()) - widthBefore - 60) > 3) await fail(`the left panel did not resize: ${widthBefore} -> ${await leftWidth()}`);
await page.mouse.move(edge.x + 62, edge.y + 100);
await page.mouse.down();
await page.mouse.move(edge.x + 2, edge.y + 100, { steps: 5 });
await page.mouse.up();

// step by step
await openScenario('examples/background_and_needs');
await page.waitForSelector('[data-testid="node-long_wait"]');
await expectEdges();
// the scenario's Markdown docs, rendered beside the canvas
const docsTitle = await page.locator('[data-testid="docs"] h1').innerText({ timeout: 10000 }).catch(() => '');
if (docsTitle !== 'background_and_needs') await fail('the docs are not rendered: ' + await page.locator('.docs-panel').innerHTML().catch(() => 'no docs panel'));
await page.getByRole('button', { name: 'Run step by step' }).click();
await waitAll('success', 30000);
await assertAllVisible('after the step-by-step run');
await shot(mode === 'token' ? 'token-02-step-by-step-green' : '02-step-by-step-green');
// the step-by-step run leaves a report: its link opens report.html
const link = await page.getByTestId('report-link').getAttribute('href', { timeout: 15000 });
const reportPage = await (await page.request.get(new URL(link, base).href)).text();
if (!reportPage.includes('OpenUTM Verification report') || !reportPage.includes('long_wait')) await fail('report link: ' + link);
// needs as a checklist of the background nodes
await page.click('[data-testid="node-after_wait"]');
if (!(await page.isChecked('input[aria-label="needs long_wait"]'))) await fail('the needs checklist does not show long_wait checked');

// whole scenario on the server, live over the bridge
await openScenario('examples/loops_and_groups');
await page.waitForSelector('[data-testid="node-rounds"]');
await expectEdges();
await page.getByRole('button', { name: 'Run', exact: true }).click();
await waitAll('success', 30000);
await assertAllVisible('after the whole run');
// loop nodes show their iterations, group nodes their inner steps
const iters = async (id) => (await page.getByTestId('iter-' + id).innerText()).trim();
if (await iters('three_ids') !== '3/3') await fail('three_ids shows ' + await iters('three_ids'));
if (await iters('over_items') !== '2/2') await fail('over_items shows ' + await iters('over_items'));
if (await iters('while_small') !== '4/4') await fail('while_small shows ' + await iters('while_small'));
if (await iters('rounds') !== '2/2') await fail('rounds shows ' + await iters('rounds'));
const inner = await page.$$eval('[data-testid^="node-roll_twice/"]', (ds) => ds.map((d) => d.dataset.status));
if (inner.join() !== 'success,success') await fail('the group container does not show its steps: ' + inner);
if (mode === 'full') {
  await page.getByTestId('message').filter({ hasText: 'Run success' }).waitFor({ timeout: 10000 });
  const said = await page.getByTestId('message').innerText();
  if (!/Run success in [0-9.]+ s simulated \(speed 20, [0-9.]+ s of wall time, achieved [0-9.]+\)/.test(said)) await fail('the run does not state its clock: ' + said);
  await page.click('[data-testid="node-report"]');
  const timing = await page.getByTestId('timing').innerText();
  if (!/^in [0-9.]+ s/.test(timing.trim())) await fail('the step does not state its duration: ' + timing);
}
await shot(mode === 'token' ? 'token-03-whole-run-green' : '03-whole-run-green');
if (mode === 'token') {
  if (new URL(page.url()).searchParams.has('token')) await fail('the token stays in the address bar: ' + page.url());
  await page.getByRole('button', { name: 'Settings' }).click();
  await page.waitForSelector('input[aria-label="amqp.routing_key"]');
  if (errors.length) await fail('page errors: ' + errors.join('; '));
  await browser.close();
  console.log('E2E OK');
  process.exit(0);
}
// sdsp_track step by step: the scenario the defect was first seen on
await openScenario('sdsp-f3623/sdsp_track');
await page.waitForFunction(() => document.querySelector('input[aria-label="scenario name"]').value === 'sdsp_track');
await page.waitForSelector('.react-flow__node');
await expectEdges();
await page.getByRole('button', { name: 'Run step by step' }).click();
for (let i = 0; i < 15; i++) { await assertAllVisible('sdsp_track step by step'); await page.waitForTimeout(200); }
const enabled = (label) => page.waitForFunction((l) => [...document.querySelectorAll('button')].some((b) => b.textContent === l && !b.disabled), label, { timeout: 30000 });
await enabled('Run step by step');
// the run seen whole: the live map draws the flight while it runs (the backend's map events, the report map's
// GeoJSON); the timeline has a bar per step, and a click on a bar selects that node
await openScenario('standard/F1_happy_path');
await page.waitForSelector('[data-testid="node-setup"]');
if (!(await page.locator('[data-testid="node-setup"].phase-pre-flight').count())) await fail('the phase is not shown on the node');
// Group by phase: a swimlane per phase in flight order, each node in its phase's lane; again: the layout from before
const setupAt = await page.locator('[data-testid="node-setup"]').boundingBox();
await page.getByRole('button', { name: 'Group by phase' }).click();
await page.waitForSelector('[data-testid="lane-PRE FLIGHT"]');
const laneNames = await page.$$eval('.lane-label', (l) => l.map((x) => x.textContent).join(', '));
if (laneNames !== 'PRE FLIGHT, CRUISE, POST FLIGHT') await fail('the lanes: ' + laneNames);
// each node inside its lane, both boxes read in the same frame (the view is fitted just after the lanes appear, so two
// separate reads could straddle that move); waited for up to 5 s
const lanesHold = () => page.waitForFunction((pairs) => pairs.every(([node, phase]) => {
  const n = document.querySelector(`[data-testid="node-${node}"]`)?.getBoundingClientRect();
  const l = document.querySelector(`[data-testid="lane-${phase}"]`)?.getBoundingClientRect();
  return n && l && n.x >= l.x && n.x + n.width <= l.x + l.width + 1;
}), [['setup', 'PRE FLIGHT'], ['telemetry', 'CRUISE'], ['teardown', 'POST FLIGHT']], { timeout: 5000 });
await lanesHold().catch(() => fail('a node is outside its phase lane'));
await shot('03j-phase-lanes');
await page.getByRole('button', { name: 'Group by phase' }).click();
await page.waitForFunction(() => !document.querySelector('.lane'));
await page.getByTestId('tab-map').click();
await page.getByRole('button', { name: 'Run', exact: true }).click();
await page.waitForSelector('[data-testid="live-map"] path.kind-declaration', { timeout: 30000 });
await shot('03g0-mid-run');
await page.waitForSelector('[data-testid="live-map"] path.kind-telemetry', { timeout: 60000 });
await assertAllVisible('during the mapped run');
await enabled('Run');
if (await page.$$eval('[data-testid="live-map"] .leaflet-control-scale', (s) => s.length) !== 1) await fail('the live map has no scale bar');
// the altitude profile below the map: the telemetry track's altitude over time
if (!(await page.locator('[data-testid="altitude-chart"] polyline.kind-telemetry').count())) await fail('no altitude profile under the live map');
await shot('03g-live-map');
await page.getByTestId('tab-timeline').click();
const bars = await page.$$eval('[data-testid="timeline"] g.bar', (b) => b.map((x) => x.getAttribute('data-step')));
const ran = await page.$$eval('[data-testid^="node-"][data-status="success"]', (n) => n.length);
if (bars.length < 5 || bars.length < ran - 1) await fail(`the timeline has ${bars.length} bars for ${ran} steps that ran: ${bars}`);
await shot('03h-timeline');
await page.click(`[data-testid="timeline"] g.bar[data-step="${bars[2]}"] rect.row-hit`);
const picked = await page.getByTestId('result').innerText();
if (!picked.startsWith(bars[2] + ':')) await fail('a timeline bar did not select its node: ' + picked.slice(0, 80));
// a long wait stopped half-way: the run ends at once, cancelled
const waitYaml = 'name: long_wait\nsteps:\n- id: first\n  step: Generate UUID\n- id: long\n  step: Wait X seconds\n  arguments:\n    duration: 900\n';
await importYaml('long_wait', waitYaml);
await page.waitForSelector('[data-testid="node-long"]');
await page.getByRole('button', { name: 'Run', exact: true }).click();
await page.waitForSelector('[data-testid="node-long"][data-status="running"]', { timeout: 20000 });
await page.getByRole('button', { name: 'Stop' }).click();
await enabled('Run');
await shot('03a-sdsp-track-stopped');

// the debugger: a breakpoint pauses a whole run before its node, showing the step's resolved arguments, editable
const dbgYaml = 'name: debugged\nsteps:\n- id: first\n  step: Generate Random Number\n  arguments:\n    min: 1\n    max: 1\n'
  + '- id: second\n  step: Generate Random Number\n  arguments:\n    min: "${{ steps.first.result }}"\n    max: "${{ steps.first.result }}"\n'
  + '- id: third\n  step: Generate UUID\n';
await importYaml('debugged', dbgYaml);
await page.waitForSelector('[data-testid="node-second"]');
await expectEdges();
await page.click('[data-testid="bp-second"]');
if (await page.getAttribute('[data-testid="bp-second"]', 'aria-pressed') !== 'true') await fail('the breakpoint toggle is not on');
await page.getByRole('button', { name: 'Run', exact: true }).click();
await page.waitForSelector('[data-testid="node-second"][data-status="paused"]', { timeout: 20000 });
await page.getByTestId('debug-panel').waitFor({ timeout: 10000 });
const resolved = await page.inputValue('textarea[aria-label="resolved arguments"]');
if (!/"min": 1/.test(resolved) || !/"max": 1/.test(resolved)) await fail('the resolved arguments are not shown: ' + resolved);
if ((await page.getAttribute('[data-testid="node-first"]', 'data-status')) !== 'success') await fail('the step before the breakpoint did not run');
await assertAllVisible('paused at a breakpoint');
await shot('03c-paused-at-breakpoint');
await page.fill('textarea[aria-label="resolved arguments"]', '{"min": 5, "max": 5}');
await page.getByRole('button', { name: 'Step', exact: true }).click();
await page.waitForSelector('[data-testid="node-third"][data-status="paused"]', { timeout: 20000 });
await page.getByRole('button', { name: 'Continue', exact: true }).click();
await page.waitForSelector('[data-testid="node-third"][data-status="success"]', { timeout: 20000 });
await page.click('[data-testid="node-second"]');
const edited = await page.getByTestId('result').innerText();
if (!edited.includes('second: success') || !/\n5\b|^5$/m.test(edited)) await fail('the edited arguments did not run: ' + edited);
await assertAllVisible('after the debugged run');
await shot('03d-debugged-run');
// Re-run this step: the same session and its references (steps.first.result is 1 again, not the edited 5)
await page.click('[data-testid="node-second"]');
await page.getByRole('button', { name: 'Re-run this step' }).click();
await page.getByTestId('message').filter({ hasText: 'Re-ran second: success' }).waitFor({ timeout: 10000 });
const rerun = await page.getByTestId('result').innerText();
if (!/^1$/m.test(rerun)) await fail('the re-run did not read the session\'s references: ' + rerun);
// Run to here: a whole run that pauses before the chosen node, the nodes before it done
await page.click('[data-testid="bp-second"]');
await page.click('[data-testid="node-third"]');
await page.getByRole('button', { name: 'Run to here' }).click();
await page.waitForSelector('[data-testid="node-third"][data-status="paused"]', { timeout: 20000 });
if ((await page.getAttribute('[data-testid="node-second"]', 'data-status')) !== 'success') await fail('run to here: the nodes before did not run');
await shot('03e-run-to-here');
await page.getByRole('button', { name: 'Continue', exact: true }).click();
await page.waitForSelector('[data-testid="node-third"][data-status="success"]', { timeout: 20000 });
await page.getByRole('button', { name: 'Run step by step' }).waitFor({ timeout: 10000 });
await enabled('Run step by step');
// step by step, the same debugger: the browser pauses before the breakpoint with what the backend resolves
await page.click('[data-testid="bp-second"]');
await page.getByRole('button', { name: 'Run step by step' }).click();
await page.waitForSelector('[data-testid="node-second"][data-status="paused"]', { timeout: 20000 });
const stepResolved = await page.inputValue('textarea[aria-label="resolved arguments"]');
if (!/"min": 1/.test(stepResolved)) await fail('step by step: the resolved arguments are not shown: ' + stepResolved);
await shot('03f-step-by-step-paused');
await page.fill('textarea[aria-label="resolved arguments"]', '{"min": 4, "max": 4}');
await page.getByRole('button', { name: 'Continue', exact: true }).click();
await waitAll('success', 20000);
await page.click('[data-testid="node-second"]');
if (!/^4$/m.test(await page.getByTestId('result').innerText())) await fail('step by step: the edited arguments did not run');
await page.click('[data-testid="bp-second"]');
await openScenario('examples/loops_and_groups');
await page.waitForSelector('[data-testid="node-rounds"]');

// suites in the scenario list; auto layout; copy/paste a node and undo it
const groups = await page.$$eval('[data-testid="scenario-list"] summary', (gs) => gs.map((g) => g.textContent.trim()));
if (!groups.some((g) => g.startsWith('suite '))) await fail('no suite group in the scenario list: ' + groups);
const count = async () => (await statuses()).length;
const before = await count();
await page.getByRole('button', { name: 'Layout' }).click();
await page.click('[data-testid="node-while_small"]');
await page.keyboard.press('Control+c');
await page.keyboard.press('Control+v');
await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="node-"]').length === n + 1, before);
await shot('03b-pasted');
await page.keyboard.press('Control+z');
await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="node-"]').length === n, before);
await page.keyboard.press('Control+y');
await page.waitForFunction((n) => document.querySelectorAll('[data-testid^="node-"]').length === n + 1, before);
await page.getByRole('button', { name: 'undo' }).click();
// the properties panel's loop editor reads each kind of loop
await page.click('[data-testid="node-three_ids"]');
if ((await page.inputValue('select[aria-label="loop kind"]')) !== 'count' || (await page.inputValue('input[aria-label="loop count"]')) !== '3') await fail('the count loop is not shown');
await page.click('[data-testid="node-over_items"]');
if ((await page.inputValue('input[aria-label="loop items"]')) !== '["100ms","200ms"]') await fail('the items loop is not shown');
await page.click('[data-testid="node-while_small"]');
if ((await page.inputValue('input[aria-label="loop while"]')) !== 'loop.index < 4') await fail('the while loop is not shown');
await shot('03i-loop-editor');
// a node that calls a group shows the group: its description (editable) and its steps
await page.click('[data-testid="node-rounds"]', { position: { x: 60, y: 12 } });
await page.getByTestId('group-info').waitFor({ timeout: 5000 });
if ((await page.inputValue('textarea[aria-label="group description"]')) !== 'Two dice; the second is at least the first.') await fail('the group description is not shown');
if ((await page.locator('.group-steps li').count()) !== 2) await fail('the group steps are not listed');

// import a failing scenario, run it: the failing node turns red and shows its error
const yaml = 'name: failing\nsteps:\n- id: ok\n  step: Generate UUID\n- id: broken\n  step: Generate Random Number\n  arguments:\n    min: 9\n    max: 1\n- id: cleanup\n  step: Generate UUID\n  if: always()\n';
await importYaml('failing', yaml);
await page.waitForSelector('[data-testid="node-broken"]');
await page.getByRole('button', { name: 'Run', exact: true }).click();
await page.waitForSelector('[data-testid="node-broken"][data-status="failure"]', { timeout: 20000 });
await page.waitForSelector('[data-testid="node-cleanup"][data-status="success"]', { timeout: 20000 });
await page.click('[data-testid="node-broken"]');
const result = await page.getByTestId('result').innerText();
if (!result.includes('smaller than min')) await fail('the error is not shown: ' + result);
await shot('04-failure-red');
// the Logs tab: the step's log lines with a level filter and Copy; the Output tab again
await page.getByTestId('tab-logs').click();
await page.getByTestId('logs').waitFor();
await page.getByTestId('copy-logs').waitFor();
await page.getByTestId('tab-output').click();
const runLink = await page.getByTestId('report-link').getAttribute('href', { timeout: 15000 });
if (runLink !== '/api/reports/latest?scenario=failing') await fail('the report link does not name the scenario: ' + runLink);

// export: same content as imported
const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
const exported = readFileSync(await download.path(), 'utf8');
const norm = (t) => t.replace(/\s+/g, ' ').trim();
if (norm(exported) !== norm(yaml)) await fail('export differs:\n' + exported + '\nvs\n' + yaml);

// one session per tab: a reload (or a reconnect) keeps the tab's session while the backend has it
const kept = await page.evaluate(() => sessionStorage.getItem('openutm.session'));
if (!kept) await fail('the tab keeps no session');
await page.reload();
await page.getByTestId('connection').filter({ hasText: 'Connected' }).waitFor({ timeout: 15000 });
await page.waitForFunction(() => sessionStorage.getItem('openutm.session'), null, { timeout: 10000 });
const after = await page.evaluate(() => sessionStorage.getItem('openutm.session'));
if (after !== kept) await fail(`the reload made a new session: ${kept} -> ${after}`);
const sessions = await (await page.request.get(new URL('/api/sessions', base).href)).json();
if (!JSON.stringify(sessions).includes(kept)) await fail('the kept session is not on the server: ' + JSON.stringify(sessions));
// unsaved changes: a marker, kept across a reload (the tab's autosave), and New asks before it drops them
await openScenario('examples/loops_and_groups');
await page.waitForSelector('[data-testid="node-rounds"]');
if (await page.getByTestId('unsaved').count()) await fail('a scenario just loaded shows unsaved changes');
await page.fill('textarea[aria-label="scenario description"]', 'edited in the e2e test');
await page.getByTestId('unsaved').waitFor({ timeout: 5000 });
await page.reload();
await page.getByTestId('connection').filter({ hasText: 'Connected' }).waitFor({ timeout: 15000 });
await page.getByTestId('unsaved').waitFor({ timeout: 15000 });
await page.waitForSelector('[data-testid="node-rounds"]', { timeout: 10000 }).catch(async () => fail('the graph was not restored: '
  + await page.evaluate(() => document.querySelectorAll('.react-flow__node').length + ' nodes; ' + sessionStorage.getItem('openutm.autosave'))));
if ((await page.inputValue('textarea[aria-label="scenario description"]')) !== 'edited in the e2e test') await fail('the description was not restored');
await shot('04b-unsaved-restored');
page.once('dialog', (d) => d.dismiss());
await page.getByRole('button', { name: 'New' }).click();
if (!(await page.locator('[data-testid="node-rounds"]').count())) await fail('New without confirmation dropped the changes');
page.once('dialog', (d) => d.accept());
await page.getByRole('button', { name: 'New' }).click();
await page.waitForFunction(() => !document.querySelector('[data-testid="node-rounds"]') && !document.querySelector('[data-testid="unsaved"]'));

// settings: a bad value is refused and named; a good one is saved and applied
await page.getByRole('button', { name: 'Settings' }).click();
await page.waitForSelector('input[aria-label="amqp.routing_key"]');
await page.fill('input[aria-label="air_traffic_simulator_settings.number_of_aircraft"]', 'many');
await page.getByRole('button', { name: 'Save settings' }).click();
await page.getByTestId('settings-outcome').filter({ hasText: 'problem' }).waitFor({ timeout: 10000 });
if (!(await page.locator('.settings .error').first().innerText()).includes('integer')) await fail('the bad field is not named');
await page.fill('input[aria-label="air_traffic_simulator_settings.number_of_aircraft"]', '3');
await page.fill('input[aria-label="amqp.routing_key"]', 'decl-e2e');
await page.getByRole('button', { name: 'Save settings' }).click();
await page.getByTestId('settings-outcome').filter({ hasText: 'Saved: applied now amqp' }).waitFor({ timeout: 10000 });
await shot('05-settings-saved');
// every section of the config the toolkit's settings screen has; Reload drops an edit that was not saved
const legends = await page.$$eval('.settings legend', (l) => l.map((x) => x.textContent).join(', '));
if (legends !== 'Flight Blender, AMQP, OpenSky, Air traffic simulator, Data files, Reporting, Logging') await fail('settings sections: ' + legends);
const queue = await page.inputValue('input[aria-label="amqp.queue_name"]');
await page.fill('input[aria-label="amqp.queue_name"]', 'not-saved');
await page.getByRole('button', { name: 'Reload' }).click();
await page.waitForFunction((q) => document.querySelector('input[aria-label="amqp.queue_name"]').value === q, queue, { timeout: 10000 });
await page.getByRole('button', { name: 'Close' }).click();

// the backend goes away: the indicator says so
console.log('STOP_BACKEND');
await page.getByTestId('connection').filter({ hasText: 'Disconnected' }).waitFor({ timeout: 20000 });
await shot('06-disconnected');
if (errors.length) await fail('page errors: ' + errors.join('; '));
await browser.close();
console.log('E2E OK');
