// trace_buffer.d.mts — types of trace_buffer.mjs for TypeScript importers.
import type { TraceBatch } from './protocol';

export declare const TRACE_FIELD: Readonly<Record<'kind' | 'wait' | 'seq' | 'time_ns' | 'id' | 'a' | 'b' | 'text', number>>;
export declare const TRACE_FIELDS: number;
export declare const MAX_TRACE_BACKLOG: number;
export declare const BATCH_EVENTS: number;

export declare class TraceBuffer {
  constructor(post: (batch: TraceBatch, backlog: number) => void);
  readonly backlog: number;
  sent: number;
  acked: number;
  add(kind: number, wait: number, seq: number, timeNs: number, id: number, a: number, b: number, text: string): void;
  flush(): void;
  acknowledge(applied: number): void;
}
