// The room's WebSocket: connects, hands messages to the RoomSync, and
// reconnects after a drop with exponential backoff and jitter. The page
// keeps working offline meanwhile; RoomSync resends what was unacknowledged.

/** Delay before reconnect attempt `attempt` (0-based): exponential, capped, with jitter. */
export function backoffDelay(attempt, random = Math.random, base = 400, cap = 15000) {
  const ceiling = Math.min(cap, base * 2 ** Math.min(attempt, 16));
  // "Equal jitter": at least half the ceiling, so clients that dropped
  // together spread out without hammering the server.
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/** Close codes after which reconnecting cannot help. */
const FINAL_CLOSE = {
  4404: 'This room does not exist.',
  4410: 'This room was deleted.',
};

export class Connection {
  /**
   * @param {object} opts
   *   url()                    the WebSocket URL
   *   sync                     the RoomSync
   *   onChange(connection)     the state changed (for the indicator)
   *   onFinal(message)         the room is gone: stop
   */
  constructor({ url, sync, onChange, onFinal, WebSocketImpl = globalThis.WebSocket }) {
    this.url = url;
    this.sync = sync;
    this.onChange = onChange || (() => {});
    this.onFinal = onFinal || (() => {});
    this.WebSocketImpl = WebSocketImpl;
    this.ws = null;
    this.state = 'connecting'; // connecting | connected | reconnecting | offline | closed
    this.attempt = 0;
    this.timer = null;
    this.retryAt = 0;
    this.stopped = false;
    this.onOnline = () => this.reconnectNow();
    this.onOffline = () => { if (this.ws) this.ws.close(4000, 'offline'); else this.setState('offline'); };
    if (typeof window !== 'undefined') {
      window.addEventListener('online', this.onOnline);
      window.addEventListener('offline', this.onOffline);
    }
  }

  start() {
    this.open();
  }

  open() {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = null;
    let ws;
    try {
      ws = new this.WebSocketImpl(this.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.ws = ws;
    ws.onopen = () => {
      if (this.ws !== ws) return;
      this.sync.attach((message) => {
        if (ws.readyState === 1) ws.send(JSON.stringify(message));
      });
    };
    ws.onmessage = (event) => {
      if (this.ws !== ws) return;
      let message;
      try {
        message = JSON.parse(event.data);
      } catch {
        return;
      }
      if (message.type === 'init') {
        this.attempt = 0;
        this.setState('connected');
      }
      this.sync.receive(message);
    };
    ws.onclose = (event) => {
      if (this.ws !== ws) return;
      this.ws = null;
      this.sync.detach();
      const final = FINAL_CLOSE[event.code];
      if (final) {
        this.stop();
        this.onFinal(final);
        return;
      }
      this.scheduleReconnect(event.code === 4429 ? 3 : 0);
    };
    ws.onerror = () => {
      // onclose follows and schedules the reconnect.
    };
  }

  scheduleReconnect(extraAttempts = 0) {
    if (this.stopped) return;
    const offline = typeof navigator !== 'undefined' && navigator.onLine === false;
    this.attempt += 1 + extraAttempts;
    const delay = backoffDelay(this.attempt - 1);
    this.retryAt = Date.now() + delay;
    this.setState(offline || this.attempt > 3 ? 'offline' : 'reconnecting');
    this.timer = setTimeout(() => this.open(), delay);
  }

  /** Try now (the browser came back online, or the user asked). */
  reconnectNow() {
    if (this.stopped || this.ws) return;
    this.attempt = 0;
    this.open();
  }

  /** Drop the socket and connect again (the session asked for a fresh start). */
  restart() {
    if (this.ws) this.ws.close(4000, 'resync');
  }

  stop() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.ws) {
      const ws = this.ws;
      this.ws = null;
      ws.close(1000);
    }
    if (typeof window !== 'undefined') {
      window.removeEventListener('online', this.onOnline);
      window.removeEventListener('offline', this.onOffline);
    }
    this.setState('closed');
  }

  setState(state) {
    this.state = state;
    this.onChange(this);
  }
}
