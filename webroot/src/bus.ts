// Live status over the SockJS event-bus bridge: the session's events (step results, run done, input prompts).
import EventBus from '@vertx/eventbus-bridge-client.js';

export type BusEvent = { type: string; run_id?: string; result?: { id: string; status: string }; status?: string; prompt?: string; step_id?: string;
  duration?: number; wall_duration?: number; speed?: number; achieved_speed?: number; resolved_arguments?: Record<string, unknown>;
  features?: unknown };

export function subscribe(session: string, onEvent: (e: BusEvent) => void, onState: (open: boolean) => void): () => void {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const eb: any = new (EventBus as any)('/eventbus', { vertxbus_reconnect_attempts_max: Infinity });
  eb.enableReconnect(true);
  const address = 'verification.events.' + session;
  eb.onopen = () => {
    onState(true);
    eb.registerHandler(address, (_err: unknown, msg: { body: BusEvent }) => { if (msg) onEvent(msg.body); });
  };
  eb.onreconnect = () => onState(true);
  eb.onclose = () => onState(false);
  return () => { try { eb.close(); } catch { /* closed already */ } };
}
