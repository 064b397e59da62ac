// url-state.ts — what a share link holds, and its fragment codec.
//
// The fragment is `#v1/` followed by `key=value` pairs joined with `&`, and
// holds only what differs from the defaults (the default example, speed 1×,
// the virtual clock): the default page has no fragment at all, and a link to
// an unedited example just names it (`#v1/ex=countasync`). Edited source is
// compressed with lz-string into URL-safe characters, after a checksum of
// the text, so that a truncated or garbled link is detected instead of
// loading half a program:
//
//   #v1/code=<checksum>.<lz-string>&speed=2&clock=real
//
// Versions: every link names its version. decodeState() upgrades older
// versions through MIGRATIONS, one step at a time, so links in the wild keep
// working when the format changes; a newer version than this page knows, or
// anything malformed, gives an error message and the default state.
// Pure: no DOM, no location; main.ts reads and writes location.hash.
import LZString from 'lz-string';
import { MAX_SPEED, MIN_SPEED, type Clock, type Speed } from '../../wasm-bindings/protocol.ts';

export const URL_STATE_VERSION = 1;
export const DEFAULT_SPEED: Speed = 1;
export const DEFAULT_CLOCK: Clock = 'virtual';

export interface UrlState {
  example: string | null; // the example the link names (null: the default one)
  source: string | null; // edited source (null: the example's own text)
  speed: Speed;
  clock: Clock;
}

export interface Decoded {
  state: UrlState;
  error: string | null; // why the link was not understood (state is then the default)
}

export function defaultState(): UrlState {
  return { example: null, source: null, speed: DEFAULT_SPEED, clock: DEFAULT_CLOCK };
}

type Params = Map<string, string>;

// MIGRATIONS[n] turns the parameters of version n into those of version n+1.
// Version 1 is the first, so there is none yet; a future v2 adds
// `1: (p) => ...` here and bumps URL_STATE_VERSION.
const MIGRATIONS: Record<number, (params: Params) => Params> = {};

// The fragment (without '#') for a state; '' when everything is a default.
// `defaultExample` is the example the page opens with when nothing is said.
export function encodeState(state: UrlState, defaultExample: string): string {
  const parts: string[] = [];
  if (state.source !== null) {
    parts.push(`code=${checksum(state.source)}.${LZString.compressToEncodedURIComponent(state.source)}`);
  } else if (state.example !== null && state.example !== defaultExample) {
    parts.push(`ex=${state.example}`);
  }
  if (state.speed !== DEFAULT_SPEED) parts.push(`speed=${state.speed}`);
  if (state.clock !== DEFAULT_CLOCK) parts.push(`clock=${state.clock}`);
  return parts.length === 0 ? '' : `v${URL_STATE_VERSION}/${parts.join('&')}`;
}

export function decodeState(fragment: string): Decoded {
  const text = fragment.startsWith('#') ? fragment.slice(1) : fragment;
  if (text === '') return { state: defaultState(), error: null };
  try {
    return { state: parse(text), error: null };
  } catch (e) {
    const reason = e instanceof LinkError ? e.message : String(e);
    return { state: defaultState(), error: `This link could not be read (${reason}); showing the default example.` };
  }
}

class LinkError extends Error {}

function parse(text: string): UrlState {
  const m = /^v(\d+)\/(.*)$/s.exec(text);
  if (!m) throw new LinkError('it has no version');
  let version = Number(m[1]);
  if (version > URL_STATE_VERSION) throw new LinkError(`it was made by a newer corio, format v${version}`);
  let params: Params = new Map();
  for (const pair of m[2].split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    if (eq <= 0) throw new LinkError(`"${pair.slice(0, 20)}" is not key=value`);
    params.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  while (version < URL_STATE_VERSION) {
    const migrate = MIGRATIONS[version];
    if (!migrate) throw new LinkError(`format v${version} is unknown`);
    params = migrate(params);
    version++;
  }
  const state = defaultState();
  for (const [key, value] of params) {
    switch (key) {
      case 'ex':
        if (!/^[A-Za-z0-9_-]{1,64}$/.test(value)) throw new LinkError('the example name is malformed');
        state.example = value;
        break;
      case 'code':
        state.source = decodeSource(value);
        break;
      case 'speed':
        state.speed = parseSpeed(value);
        break;
      case 'clock':
        if (value !== 'virtual' && value !== 'real') throw new LinkError(`unknown clock "${value.slice(0, 20)}"`);
        state.clock = value;
        break;
      default:
        // Unknown keys are ignored: an older page can open a newer link of
        // the same version that added an optional key.
        break;
    }
  }
  if (state.source !== null) state.example = null;
  return state;
}

function decodeSource(value: string): string {
  const dot = value.indexOf('.');
  if (dot <= 0) throw new LinkError('the program is missing its checksum');
  const sum = value.slice(0, dot);
  let source: string | null = null;
  try {
    source = LZString.decompressFromEncodedURIComponent(value.slice(dot + 1));
  } catch {
    source = null;
  }
  if (source === null || checksum(source) !== sum) {
    throw new LinkError('the program in it is garbled or truncated');
  }
  return source;
}

export function parseSpeed(value: string): Speed {
  if (value === 'instant') return 'instant';
  const n = Number(value);
  if (!Number.isFinite(n) || value.trim() === '' || n < MIN_SPEED || n > MAX_SPEED) {
    throw new LinkError(`speed "${value.slice(0, 20)}" is not between ${MIN_SPEED} and ${MAX_SPEED} or "instant"`);
  }
  return n;
}

// FNV-1a over the UTF-16 code units, in base 36: enough to tell a damaged
// link from a good one (not a security measure).
export function checksum(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}
