// trace-names.ts — the trace event and wait names as the worker sends them in
// `ready`, read from the engine's one table (engine/trace/event.hpp) rather
// than copied here, plus a helper that builds compact events by name.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { TraceEvent } from '../../../wasm-bindings/protocol.ts';

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
