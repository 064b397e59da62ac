// trace-reader.ts — reads the events of a protocol TraceBatch in place
// (wasm-bindings/protocol.ts: TraceField, TRACE_FIELDS): one cursor moves
// over the packed numbers, so applying a batch allocates nothing per event.
import { TRACE_FIELDS, TraceField, type TraceBatch } from '../../wasm-bindings/protocol.ts';

const KIND = TraceField.kind;
const WAIT = TraceField.wait;
const TIME = TraceField.time_ns;
const ID = TraceField.id;
const A = TraceField.a;
const B = TraceField.b;
const TEXT = TraceField.text;

export function eventCount(batch: TraceBatch): number {
  return batch.fields.length / TRACE_FIELDS;
}

// The event at `index` of `batch`, as named fields (see protocol.ts for
// what id, a and b mean for each kind).
export class TraceCursor {
  private fields: Float64Array;
  private texts: string[];
  private at = 0;

  constructor(batch: TraceBatch) {
    this.fields = batch.fields;
    this.texts = batch.texts;
  }

  moveTo(index: number): void {
    this.at = index * TRACE_FIELDS;
  }

  get kind(): number {
    return this.fields[this.at + KIND];
  }
  get wait(): number {
    return this.fields[this.at + WAIT];
  }
  get timeNs(): number {
    return this.fields[this.at + TIME];
  }
  get id(): number {
    return this.fields[this.at + ID];
  }
  get a(): number {
    return this.fields[this.at + A];
  }
  get b(): number {
    return this.fields[this.at + B];
  }
  get text(): string {
    const index = this.fields[this.at + TEXT];
    return index < 0 ? '' : (this.texts[index] ?? '');
  }
}
