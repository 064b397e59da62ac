// run.mjs — corio's WebAssembly module (in node) beside Pyodide (CPython in
// WebAssembly, in node) and CPython (native), on the asyncio benchmarks of
// bench/engine/*.py, plus cold start (module load to first output).
//   (cd bench/wasm && npm ci && node run.mjs [--module PATH] [--repeat N])
// Each program prints "NAME ops=N ns=T check=C", timed inside the program;
// the best of N runs is kept. Ratios are peer time / corio time (>1: corio
// is faster). Targets (issue 5): >= 20x Pyodide on switches and the queue,
// cold start <= 100 ms.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadPyodide } from 'pyodide';
import { loadModule } from '../../wasm-bindings/run.mjs';
import { bindApi, ProgramRun } from '../../wasm-bindings/session.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : fallback;
};
const modulePath = resolve(opt('--module', resolve(here, '../../build/wasm/wasm-bindings/corio.mjs')));
const repeat = Number(opt('--repeat', 3));

// name, program, argument (ops scale), run on CPython with the same argument
const benches = [
  ['switch', 'switch.py', 2000],
  ['queue', 'queue_pipe.py', 100000],
  ['spawn', 'spawn.py', 20000],
];

const parse = (out) => {
  const m = /ops=(\d+) ns=(\d+)/.exec(out);
  if (!m) throw new Error(`no result in: ${out}`);
  return { ops: Number(m[1]), ns: Number(m[2]) };
};

async function runCorio(module, api, source, argv) {
  let out = '';
  await new Promise((done) => {
    const sink = {
      output: (stream, text) => { if (stream === 'stdout') out += text; else process.stderr.write(text); },
      trace() {}, paused() {}, resumed() {}, error() {},
      exit: done,
    };
    new ProgramRun(module, api, { source, filename: 'bench.py', argv, clock: 'real', speed: 'instant', trace: false }, sink);
  });
  return parse(out);
}

async function runPyodide(pyodide, source, argv) {
  let out = '';
  pyodide.setStdout({ batched: (s) => { out += `${s}\n`; } });
  pyodide.globals.set('bench_argv', pyodide.toPy(['bench.py', ...argv]));
  pyodide.runPython('import sys; sys.argv = list(bench_argv)');
  // Pyodide runs asyncio on its own loop (WebLoop, on the JavaScript event
  // loop), where asyncio.run cannot block: the program awaits its main
  // coroutine at top level instead, as Pyodide's documentation does.
  const program = source.replace(/^asyncio\.run\((.*)\)\s*$/m, 'await $1');
  await pyodide.runPythonAsync(program);
  return parse(out);
}

function runCPython(file, argv) {
  return parse(execFileSync('python3', [file, ...argv]).toString());
}

async function best(fn) {
  let result = null;
  for (let i = 0; i < repeat; ++i) {
    const r = await fn();
    if (!result || r.ns < result.ns) result = r;
  }
  return result;
}

async function coldStart() {
  const t0 = performance.now();
  const module = await loadModule(modulePath);
  const api = bindApi(module);
  let first = 0;
  await new Promise((done) => {
    const sink = {
      output: () => { if (!first) first = performance.now(); },
      trace() {}, paused() {}, resumed() {}, error() {}, exit: done,
    };
    new ProgramRun(module, api, { source: 'print("hi")', filename: 'main.py', argv: [], clock: 'real', speed: 'instant', trace: false }, sink);
  });
  const corio = first - t0;
  const p0 = performance.now();
  const pyodide = await loadPyodide();
  let pfirst = 0;
  pyodide.setStdout({ batched: () => { if (!pfirst) pfirst = performance.now(); } });
  pyodide.runPython('print("hi")');
  return { corio, pyodide: pfirst - p0, pyodideInstance: pyodide };
}

const fmt = (ns, ops) => `${(ns / ops).toFixed(1)} ns/op`;
const cold = await coldStart();
const module = await loadModule(modulePath);
const api = bindApi(module);
const pyodide = cold.pyodideInstance;
console.log(`| bench | corio wasm (node) | Pyodide (node) | CPython 3.11 native | Pyodide / corio | CPython / corio |`);
console.log(`|---|---|---|---|---|---|`);
for (const [name, file, n] of benches) {
  const path = resolve(here, '../engine', file);
  const source = readFileSync(path, 'utf8');
  const argv = [String(n)];
  const c = await best(() => runCorio(module, api, source, argv));
  const p = await best(() => runPyodide(pyodide, source, argv));
  const y = await best(() => Promise.resolve(runCPython(path, argv)));
  console.log(`| ${name} (${c.ops} ops) | ${fmt(c.ns, c.ops)} | ${fmt(p.ns, p.ops)} | ${fmt(y.ns, y.ops)} | ` +
    `${(p.ns / c.ns).toFixed(1)}x | ${(y.ns / c.ns).toFixed(2)}x |`);
}
console.log(`| cold start (load to first output) | ${cold.corio.toFixed(0)} ms | ${cold.pyodide.toFixed(0)} ms | | ${(cold.pyodide / cold.corio).toFixed(0)}x | |`);
