// Groups as containers, in headless Chromium against the running service: a group call is drawn as a container of
// its steps, which show their own statuses in a run; a selection becomes a group (and runs the same); a node dropped
// into a container joins the group, a step dragged out of one leaves it; Ungroup puts the steps back in the call's
// place, undone by Ctrl+Z; the group's description is edited on its container. Exported YAML says each of these.
// Usage: node e2e/groups.e2e.mjs <base-url> <screenshot-dir>
import { readFileSync } from 'node:fs';
import yaml from 'js-yaml';
import { open } from './lib.mjs';

const [base, shots] = process.argv.slice(2);
const { browser, page, errors, shot, fail, expectEdges, assertAllVisible, waitAll, openScenario, importYaml } = await open(shots);
const node = (id) => page.locator(`[data-testid="node-${id}"]`);
const gone = (id) => page.waitForFunction((t) => !document.querySelector(`[data-testid="node-${t}"]`), id, { timeout: 10000 })
  .catch(() => fail(id + ' is still on the canvas'));
const box = async (id) => (await node(id).boundingBox()) ?? fail('no box for ' + id);
const within = async (inner, outer) => {
  const a = await box(inner); const b = await box(outer);
  if (a.x < b.x || a.y < b.y || a.x + a.width > b.x + b.width || a.y + a.height > b.y + b.height) await fail(`${inner} is not inside ${outer}`);
};
/** Drags a node by its title bar to a point of the page, in small moves as a hand would. */
const dragTo = async (id, x, y) => {
  const from = await box(id);
  await page.mouse.move(from.x + 40, from.y + 10);
  await page.mouse.down();
  await page.mouse.move(from.x + 60, from.y + 30, { steps: 5 });
  await page.mouse.move(x, y, { steps: 15 });
  await page.mouse.up();
};
const exported = async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export' }).click()]);
  return yaml.load(readFileSync(await download.path(), 'utf8'));
};
const ids = (steps) => steps.map((s) => s.id ?? s.step).join(',');
await page.goto(base);

// a group call is a container of its steps, each with its status after a run
await openScenario('examples/loops_and_groups');
await node('rounds/second').waitFor({ timeout: 15000 });
await within('roll_twice/first', 'roll_twice');
await within('rounds/second', 'rounds');
await expectEdges();
await page.getByRole('button', { name: 'Run', exact: true }).click();
await waitAll('success', 30000);
await shot('g1-containers-run');
await node('rounds/second').click();
await page.getByTestId('in-group').waitFor({ timeout: 5000 });
if (!/^\d+$/m.test(await page.getByTestId('result').innerText())) await fail('a step in a group does not show its result');

// a selection becomes a group: the steps move into a container, the run is the same
const text = 'name: grouping\nsteps:\n- id: a\n  step: Generate UUID\n- id: b\n  step: Generate Random Number\n  arguments: {min: 1, max: 3}\n'
  + '- id: c\n  step: Generate Random Number\n  arguments:\n    min: ${{ steps.b.result }}\n    max: 3\n- id: d\n  step: Generate UUID\n';
await importYaml('grouping', text);
await node('d').waitFor();
await node('b').click();
await node('c').click({ modifiers: ['Control'] });
page.once('dialog', (d) => d.accept('pair'));
await page.getByTestId('group-selection').click();
await node('pair/c').waitFor({ timeout: 5000 }).catch(() => fail('no container after Group: ' + page.url()));
await gone('b');
await within('pair/b', 'pair');
await expectEdges();
let y = await exported();
if (ids(y.steps) !== 'a,pair,d' || ids(y.groups.pair.steps) !== 'b,c') await fail('grouped YAML: ' + JSON.stringify(y));
await page.getByRole('button', { name: 'Run', exact: true }).click();
await waitAll('success', 30000);
await shot('g2-selection-grouped');

// drop a node into the container: it joins the group where it was dropped (last); drag a step out: it leaves
const pair = await box('pair');
await dragTo('d', pair.x + pair.width / 2, pair.y + pair.height - 8);
await node('pair/d').waitFor({ timeout: 5000 }).catch(() => fail('d did not join the group'));
await gone('d');
await expectEdges();
await assertAllVisible('after the drop');
y = await exported();
if (ids(y.steps) !== 'a,pair' || ids(y.groups.pair.steps) !== 'b,c,d') await fail('after the drop: ' + JSON.stringify(y));
await shot('g3-dropped-into-group');
const grown = await box('pair');
await dragTo('pair/b', grown.x + grown.width + 180, grown.y + 20);
await node('b').waitFor({ timeout: 5000 }).catch(() => fail('b did not leave the group'));
await gone('pair/b');
y = await exported();
if (ids(y.groups.pair.steps) !== 'c,d' || !ids(y.steps).split(',').includes('b')) await fail('after dragging out: ' + JSON.stringify(y));

// the group's description, edited on its container
await node('pair').click({ position: { x: 60, y: 12 } });
await page.fill('textarea[aria-label="group description"]', 'Two draws and an id');
await page.locator('[data-testid="node-pair"] .group-description').filter({ hasText: 'Two draws and an id' }).waitFor({ timeout: 5000 });
await shot('g4-group-description');

// Ungroup: the steps take the call's place; Ctrl+Z brings the container back
await page.getByTestId('ungroup').click();
await node('c').waitFor({ timeout: 5000 }).catch(() => fail('Ungroup did not put the steps back'));
await gone('pair');
y = await exported();
if (y.groups || !['a', 'c', 'd'].every((s) => ids(y.steps).split(',').includes(s))) await fail('after Ungroup: ' + JSON.stringify(y));
await shot('g5-ungrouped');
await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
await page.keyboard.press('Control+z');
await node('pair/c').waitFor({ timeout: 5000 }).catch(() => fail('undo did not bring the group back'));
await expectEdges();
if (await page.locator('.react-flow__edge').count() !== 2) await fail('after undo: a>pair and c>d drawn, not ' + await page.locator('.react-flow__edge').count());
await assertAllVisible('after undo');

// a problem of a step inside a group is shown on that step, not on a top-level step of the same id
const bad = 'name: bad_group\ngroups:\n  g:\n    steps:\n    - id: r\n      step: Generate Random Number\n'
  + '      arguments: {min: abc, max: 3}\nsteps:\n- id: call\n  step: g\n- id: r\n  step: Generate UUID\n';
await importYaml('bad_group', bad);
await node('call/r').waitFor();
await page.getByRole('button', { name: 'Validate' }).click();
await page.locator('[data-testid="node-call/r"].has-problem').waitFor({ timeout: 5000 }).catch(() => fail('the step in the group is not marked'));
if (await page.locator('[data-testid="node-r"].has-problem').count()) await fail('the top-level r is marked for the group step');
await shot('g6-problem-in-group');

const width = await page.evaluate(() => document.documentElement.scrollWidth);
if (width > 1280) await fail('the page scrolls horizontally: ' + width);
if (errors.length) await fail('page errors: ' + errors.join('; '));
await browser.close();
console.log('E2E OK');
