// The live channel (WS /api/chat/{sender}/ws): staff replies and handoff status.
// Reconnects with exponential backoff (1 s … 30 s, jittered) when the server restarts or
// the network drops, and pings every 25 s so a silently dead connection is noticed.

const PING_EVERY_MS = 25000;
const PONG_WITHIN_MS = 10000;
const MAX_BACKOFF_MS = 30000;

export class PushChannel {
  // onMessages(list), onStatus("connecting" | "online" | "offline"), onReconnect()
  constructor(sender, { onMessages, onStatus, onReconnect }) {
    this.sender = sender;
    this.onMessages = onMessages;
    this.onStatus = onStatus;
    this.onReconnect = onReconnect;
    this.attempt = 0;
    this.everOpened = false;
    this.stopped = false;
    this.socket = null;
    this.timers = {};
  }

  url() {
    const scheme = window.location.protocol === "https:" ? "wss:" : "ws:";
    return `${scheme}//${window.location.host}/api/chat/${encodeURIComponent(this.sender)}/ws`;
  }

  start() {
    this.stopped = false;
    this.connect();
    return this;
  }

  stop() {
    this.stopped = true;
    this.clearTimers();
    if (this.socket) this.socket.close(1000);
    this.socket = null;
  }

  connect() {
    this.onStatus(this.everOpened ? "offline" : "connecting");
    let socket;
    try {
      socket = new WebSocket(this.url());
    } catch {
      this.scheduleReconnect();
      return;
    }
    this.socket = socket;
    socket.addEventListener("open", () => {
      const reconnected = this.everOpened;
      this.attempt = 0;
      this.everOpened = true;
      this.onStatus("online");
      this.timers.ping = window.setInterval(() => this.ping(), PING_EVERY_MS);
      if (reconnected && this.onReconnect) this.onReconnect();
    });
    socket.addEventListener("message", (event) => this.receive(event.data));
    socket.addEventListener("close", () => {
      if (this.socket !== socket) return;
      this.clearTimers();
      this.socket = null;
      if (!this.stopped) this.scheduleReconnect();
    });
  }

  receive(data) {
    window.clearTimeout(this.timers.pong);
    let frame;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (Array.isArray(frame)) this.onMessages(frame);
  }

  ping() {
    if (!this.socket || this.socket.readyState !== WebSocket.OPEN) return;
    this.socket.send("ping");
    window.clearTimeout(this.timers.pong);
    this.timers.pong = window.setTimeout(() => this.socket && this.socket.close(4000), PONG_WITHIN_MS);
  }

  scheduleReconnect() {
    this.onStatus(navigator.onLine === false || this.everOpened ? "offline" : "connecting");
    const base = Math.min(MAX_BACKOFF_MS, 1000 * 2 ** this.attempt);
    this.attempt += 1;
    const delay = base / 2 + Math.random() * (base / 2);
    this.timers.reconnect = window.setTimeout(() => this.connect(), delay);
  }

  // The network came back: do not wait for the backoff.
  nudge() {
    if (this.stopped) return;
    if (this.socket) {
      if (this.socket.readyState === WebSocket.OPEN) this.onStatus("online");
      return;
    }
    window.clearTimeout(this.timers.reconnect);
    this.attempt = 0;
    this.connect();
  }

  clearTimers() {
    window.clearInterval(this.timers.ping);
    window.clearTimeout(this.timers.pong);
    window.clearTimeout(this.timers.reconnect);
    this.timers = {};
  }
}
