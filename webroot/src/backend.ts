// The editor's backend: the connection (GET /health every 5 s), the operation catalogue and scenario lists (reloaded
// whenever the backend (re)connects), and one session per tab, kept across reconnects and reloads (sessionStorage):
// a reconnect reuses it while the backend still has it, and only a backend that lost it gets a new one.
import { useEffect, useState } from 'react';
import { api, type Operation } from './api';

const SESSION_KEY = 'openutm.session';

export function useBackend() {
  const [connected, setConnected] = useState(false);
  const [operations, setOperations] = useState<Operation[]>([]);
  const [scenarios, setScenarios] = useState<string[]>([]);
  const [suites, setSuites] = useState<Record<string, string[]>>({});
  const [session, setSession] = useState('');

  useEffect(() => {
    let was = false;
    const check = () => api.health().then(() => {
      if (!was) { api.operations().then(setOperations); api.scenarios().then(setScenarios); api.suites().then(setSuites).catch(() => undefined); }
      was = true; setConnected(true);
    }).catch(() => { was = false; setConnected(false); });
    check();
    const t = setInterval(check, 5000);
    return () => clearInterval(t);
  }, []);

  useEffect(() => {
    if (!connected) return;
    const kept = sessionStorage.getItem(SESSION_KEY);
    (kept ? api.session(kept).then(() => kept, () => null) : Promise.resolve(null))
      .then((id) => id ?? api.createSession().then((c) => c.session_id))
      .then((id) => { sessionStorage.setItem(SESSION_KEY, id); setSession(id); })
      .catch(() => undefined);
  }, [connected]);

  return { connected, operations, scenarios, setScenarios, suites, session };
}
