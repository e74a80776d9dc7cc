import { createRoot } from 'react-dom/client';
import { App } from './App';

// Opened as http://127.0.0.1:8989/?token=...: the service has set its HttpOnly cookie by now; keep the token out of
// the address bar and the history.
const url = new URL(window.location.href);
if (url.searchParams.has('token')) {
  url.searchParams.delete('token');
  window.history.replaceState(null, '', url.pathname + url.search + url.hash);
}

createRoot(document.getElementById('root')!).render(<App />);
