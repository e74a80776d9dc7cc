// Drives OpenUTM Verification over the SockJS event-bus bridge (@vertx/eventbus-bridge-client.js): creates a session,
// starts a background step, runs another meanwhile, joins the task and prints the results and the live events.
// Usage (the editor's node_modules has the client): NODE_PATH=webroot/node_modules node examples/node/sockjs-demo.mjs http://127.0.0.1:8989
// With an API token: OPENUTM_TOKEN=<token> NODE_PATH=... node examples/node/sockjs-demo.mjs http://127.0.0.1:8989
import { createRequire } from 'node:module';
import { resolve } from 'node:path';

const require = createRequire(process.env.NODE_PATH ? resolve(process.env.NODE_PATH) + '/' : import.meta.url);
const EventBus = require('@vertx/eventbus-bridge-client.js');
const base = process.argv[2] ?? 'http://127.0.0.1:8989';
// a service with an API token (http.auth_token): OPENUTM_TOKEN=<token>
const token = process.env.OPENUTM_TOKEN;
const eb = new EventBus(base + '/eventbus' + (token ? '?access_token=' + encodeURIComponent(token) : ''));

const request = (address, body, timeout = 120000) => new Promise((resolve, reject) =>
  eb.send(address, body, { timeout: String(timeout) }, (err, msg) => (err ? reject(new Error(err.message ?? JSON.stringify(err))) : resolve(msg.body))));

eb.onopen = async () => {
  try {
    const { session_id: session } = await request('verification.sessions', { action: 'create' });
    const address = 'verification.session.' + session;
    const events = [];
    eb.registerHandler('verification.events.' + session, (e, msg) => { if (msg) events.push(msg.body.type + ':' + (msg.body.result?.id ?? '')); });
    console.log('session', session);
    const task = await request(address, { action: 'step', id: 'bg', step: 'Wait X seconds', arguments: { duration: '1s' }, run_in_background: true });
    console.log('background task', task.task_id, task.status);
    const uuid = await request(address, { action: 'step', id: 'id', step: 'Generate UUID' });
    console.log('meanwhile', uuid.id, uuid.status, uuid.result);
    const joined = await request(address, { action: 'join', task_id: task.task_id });
    console.log('joined', joined.id, joined.status, `after ${joined.duration.toFixed(2)} s`);
    await new Promise((r) => setTimeout(r, 300));
    console.log('events', events.join(' '));
    eb.close();
    process.exit(joined.status === 'success' && uuid.status === 'success' ? 0 : 1);
  } catch (e) {
    console.error('FAIL', e.message);
    process.exit(1);
  }
};
