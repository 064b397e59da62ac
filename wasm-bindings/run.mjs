#!/usr/bin/env node
// run.mjs — `corio run` on the WebAssembly module, in node:
//   node wasm-bindings/run.mjs [run] [--clock=virtual|real] [--speed=X|instant]
//                              [--module=corio.mjs] FILE [ARGS...]
// Same options, output and exit status as the native command; the program is
// driven exactly as in the browser (session.mjs: slices, paced waits). The
// virtual clock runs instantly unless a speed is given. The module defaults
// to build/wasm/wasm-bindings/corio.mjs (or $CORIO_MODULE).
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { bindApi, ProgramRun } from './session.mjs';

const here = dirname(fileURLToPath(import.meta.url));

function usage() {
  process.stderr.write('usage: node run.mjs [--clock=virtual|real] [--speed=X|instant] [--module=PATH] FILE [ARGS...]\n');
  process.exit(2);
}

export async function loadModule(path) {
  const { default: createCorio } = await import(pathToFileURL(path).href);
  const wasmBinary = readFileSync(path.replace(/\.mjs$/, '.wasm'));
  return createCorio({ wasmBinary });
}

async function main(args) {
  let clock = 'real';
  let speed = 'instant';
  let modulePath = process.env.CORIO_MODULE || resolve(here, '../build/wasm/wasm-bindings/corio.mjs');
  let i = args[0] === 'run' ? 1 : 0; // `corio run`'s spelling works too
  for (; i < args.length && args[i].startsWith('--'); ++i) {
    const [opt, value] = args[i].split('=', 2);
    if (opt === '--clock' && (value === 'virtual' || value === 'real')) clock = value;
    else if (opt === '--speed') speed = value === 'instant' ? 'instant' : Number(value);
    else if (opt === '--module') modulePath = resolve(value);
    else {
      process.stderr.write(`corio: unknown option ${args[i]}\n`);
      usage();
    }
  }
  if (i >= args.length || (speed !== 'instant' && !(speed > 0))) usage();
  const file = resolve(args[i]);
  let source;
  try {
    source = readFileSync(file, 'utf8');
  } catch {
    process.stderr.write(`corio: can't open file '${args[i]}': [Errno 2] No such file or directory\n`);
    process.exit(2);
  }
  const module = await loadModule(modulePath);
  const api = bindApi(module);
  const exit = new Promise((done) => {
    const sink = {
      output: (stream, text) => (stream === 'stdout' ? process.stdout : process.stderr).write(text),
      trace: () => {},
      paused: () => {},
      resumed: () => {},
      error: () => {},
      exit: (info) => done(info.code),
    };
    new ProgramRun(module, api, { source, filename: file, argv: args.slice(i + 1), clock, speed, trace: false }, sink);
  });
  process.exitCode = await exit;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((err) => {
    process.stderr.write(`corio: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  });
}
