// trace-names.ts — the trace event and wait names as the worker sends them in
// `ready`, read from the engine's one table (engine/trace/event.hpp) rather
// than copied here, plus helpers that build events by name and pack them
// into a protocol TraceBatch as the worker does.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { TRACE_FIELDS, TraceField, type TraceBatch } from '../../../wasm-bindings/protocol.ts';

// One event, unpacked: [kind, wait, seq, time_ns, id, a, b, text].
export type TraceEvent = [number, number, number, number, number, number, number, string];

function findRepoFile(rel: string): string {
  // Compiled to web/.build-unit/web/tests/unit/: walk up to the repository.
  let dir = new URL('.', import.meta.url);
  for (let i = 0; i < 8; i++) {
    try {
      return readFileSync(fileURLToPath(new URL(rel, dir)), 'utf8');
    } catch {
      dir = new URL('..', dir);
    }
  }
  throw new Error(`cannot find ${rel}`);
}

function macroNames(header: string, macro: string): string[] {
  const start = header.indexOf(`#define ${macro}(X)`);
  if (start < 0) throw new Error(`no ${macro} in event.hpp`);
  const body = header.slice(start, header.indexOf('\n\n', start));
  return [...body.matchAll(/X\((\w+)\)/g)].map((m) => m[1]);
}

const header = findRepoFile('engine/trace/event.hpp');
export const KIND_NAMES = macroNames(header, 'CORIO_TRACE_EVENT_KINDS');
export const WAIT_NAMES = macroNames(header, 'CORIO_TRACE_WAIT_KINDS');

let seq = 0;
export function ev(
  kind: string,
  fields: { id?: number; a?: number; b?: number; wait?: string; t?: number; text?: string } = {},
): TraceEvent {
  const k = KIND_NAMES.indexOf(kind);
  if (k < 0) throw new Error(`unknown kind ${kind}`);
  const w = fields.wait ? WAIT_NAMES.indexOf(fields.wait) : 0;
  if (w < 0) throw new Error(`unknown wait ${fields.wait}`);
  return [k, w, ++seq, fields.t ?? 0, fields.id ?? 0, fields.a ?? 0, fields.b ?? 0, fields.text ?? ''];
}

export function readRepoFile(rel: string): string {
  return findRepoFile(rel);
}

// The absolute path of a file of the repository.
export function repoPath(rel: string): string {
  let dir = new URL('.', import.meta.url);
  for (let i = 0; i < 8; i++) {
    try {
      readFileSync(fileURLToPath(new URL(rel, dir)));
      return fileURLToPath(new URL(rel, dir));
    } catch {
      dir = new URL('..', dir);
    }
  }
  throw new Error(`cannot find ${rel}`);
}

// Packs events into one batch, in protocol.ts's layout.
export function batch(events: readonly TraceEvent[]): TraceBatch {
  const fields = new Float64Array(events.length * TRACE_FIELDS);
  const texts: string[] = [];
  events.forEach(([kind, wait, seq, time, id, a, b, text], i) => {
    const at = i * TRACE_FIELDS;
    fields[at + TraceField.kind] = kind;
    fields[at + TraceField.wait] = wait;
    fields[at + TraceField.seq] = seq;
    fields[at + TraceField.time_ns] = time;
    fields[at + TraceField.id] = id;
    fields[at + TraceField.a] = a;
    fields[at + TraceField.b] = b;
    fields[at + TraceField.text] = text ? texts.push(text) - 1 : -1;
  });
  return { fields, texts };
}
