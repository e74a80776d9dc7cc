import type { StepResult } from './api';

/** " in 12.3 s", and at a simulated clock speed above 1 also the wall time it took and the speed achieved. */
export function timing(t: { duration?: number; wall_duration?: number; speed?: number; achieved_speed?: number }): string {
  if (typeof t.duration !== 'number') return '';
  const s = ` in ${t.duration.toFixed(1)} s`;
  const wall = t.wall_duration;
  if (typeof wall !== 'number' || Math.abs(wall - t.duration) < 0.05 && (t.speed ?? 1) <= 1) return s;
  const speed = t.speed && t.speed > 1 ? `speed ${t.speed}, ` : '';
  const achieved = t.achieved_speed ? `, achieved ${t.achieved_speed}` : '';
  return `${s} simulated (${speed}${wall.toFixed(1)} s of wall time${achieved})`;
}

const LEVELS = ['DEBUG', 'INFO', 'WARNING', 'ERROR'];
/** A log line "HH:MM:SS | LEVEL | text" at or above {@code min} (lines without a level always show). */
export function atLeast(line: string, min: string): boolean {
  if (!min) return true;
  const m = / \| (DEBUG|INFO|WARNING|WARN|ERROR) \| /.exec(line);
  if (!m) return true;
  return LEVELS.indexOf(m[1] === 'WARN' ? 'WARNING' : m[1]) >= LEVELS.indexOf(min);
}

/** The Output tab: the selected step's status, timing, error and result (Copy gives the whole record). */
export function OutputPanel({ result }: { result: StepResult }) {
  return (
    <div className="result" data-testid="result">
      <strong>{result.id}: {result.status}</strong> <span className="timing" data-testid="timing">{timing(result)}</span> {result.error_message && <span className="error">{result.error_message}</span>}
      <button onClick={() => navigator.clipboard?.writeText(JSON.stringify(result, null, 2))}>Copy</button>
      <pre>{JSON.stringify(result.result, null, 2)}</pre>
    </div>
  );
}

/** The Logs tab: the selected step's log lines at or above a level, with Copy. */
export function LogsPanel({ result, level, onLevel }: { result: StepResult; level: string; onLevel: (level: string) => void }) {
  const lines = (result.logs ?? []).filter((l) => atLeast(l, level)).join('\n');
  return (
    <div className="logs-tab">
      <strong>{result.id}</strong>{' '}
      <select aria-label="log level" value={level} onChange={(e) => onLevel(e.target.value)}>
        <option value="">all logs</option><option value="INFO">INFO and above</option>
        <option value="WARNING">WARNING and above</option><option value="ERROR">ERROR</option>
      </select>{' '}
      <button data-testid="copy-logs" onClick={() => navigator.clipboard?.writeText(lines)}>Copy</button>
      <pre className="logs" data-testid="logs">{lines}</pre>
    </div>
  );
}
