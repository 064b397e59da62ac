// trace_buffer.mjs — the worker's trace events on their way to the page:
// packs each event the engine reports into the protocol's TraceBatch layout
// (protocol.ts: TraceField, TRACE_FIELDS), hands the batches out to be
// posted (their buffers transferred, not copied), and counts the events the
// page has not acknowledged yet: the backlog that holds the program back
// (MAX_TRACE_BACKLOG, enforced by session.mjs).

// protocol.ts's TraceField, TRACE_FIELDS and MAX_TRACE_BACKLOG, which this
// file cannot import (node runs it without TypeScript); the unit test
// web/tests/unit/trace-reader.test.ts checks that they agree.
export const TRACE_FIELD = Object.freeze({ kind: 0, wait: 1, seq: 2, time_ns: 3, id: 4, a: 5, b: 6, text: 7 });
export const TRACE_FIELDS = 8;
export const MAX_TRACE_BACKLOG = 100_000;

// Events per batch at most: a slice that traces more posts several batches,
// so the worker never holds more than one batch (BATCH_EVENTS × 64 bytes).
export const BATCH_EVENTS = 16_384;
const FIRST_CAPACITY = 256; // small programs send small batches

export class TraceBuffer {
  /** @param {(batch: import('./protocol').TraceBatch, backlog: number) => void} post */
  constructor(post) {
    this.post = post;
    this.fields = new Float64Array(FIRST_CAPACITY * TRACE_FIELDS);
    this.texts = [];
    this.count = 0; // events staged, not posted yet
    this.sent = 0; // events posted
    this.acked = 0; // events the page said it applied
  }

  /** Events posted and not acknowledged by the page. */
  get backlog() {
    return this.sent - this.acked;
  }

  add(kind, wait, seq, timeNs, id, a, b, text) {
    if (this.count * TRACE_FIELDS === this.fields.length) this.makeRoom();
    const f = this.fields;
    const at = this.count * TRACE_FIELDS;
    f[at] = kind;
    f[at + 1] = wait;
    f[at + 2] = seq;
    f[at + 3] = timeNs;
    f[at + 4] = id;
    f[at + 5] = a;
    f[at + 6] = b;
    f[at + 7] = text ? this.texts.push(text) - 1 : -1;
    this.count++;
  }

  // Posts the staged events as one batch (a copy of exactly their size,
  // whose buffer the receiver may take over; the staging array is reused).
  flush() {
    if (this.count === 0) return;
    const batch = { fields: this.fields.slice(0, this.count * TRACE_FIELDS), texts: this.texts };
    this.sent += this.count;
    this.count = 0;
    this.texts = [];
    this.post(batch, this.backlog);
  }

  /** @param {number} applied  the page's running total for this run */
  acknowledge(applied) {
    if (applied > this.acked) this.acked = Math.min(applied, this.sent);
  }

  makeRoom() {
    if (this.count >= BATCH_EVENTS) return this.flush();
    const grown = new Float64Array(this.fields.length * 2);
    grown.set(this.fields);
    this.fields = grown;
  }
}
