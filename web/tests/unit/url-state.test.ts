// url-state.test.ts — share-link fragments: round trips, only non-defaults,
// UTF-8 text, and garbled, truncated or future links.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decodeState, defaultState, encodeState, type UrlState } from '../../src/url-state.ts';

const DEFAULT_EXAMPLE = 'typist';

function roundTrip(state: UrlState): UrlState {
  const fragment = encodeState(state, DEFAULT_EXAMPLE);
  const decoded = decodeState('#' + fragment);
  assert.equal(decoded.error, null, `fragment ${fragment}`);
  return decoded.state;
}

test('the default state has no fragment at all', () => {
  assert.equal(encodeState(defaultState(), DEFAULT_EXAMPLE), '');
  assert.equal(encodeState({ ...defaultState(), example: DEFAULT_EXAMPLE }, DEFAULT_EXAMPLE), '');
  assert.deepEqual(decodeState(''), { state: defaultState(), error: null });
  assert.deepEqual(decodeState('#'), { state: defaultState(), error: null });
});

test('an unedited example is named, so its link stays short', () => {
  const state = { ...defaultState(), example: 'countasync' };
  assert.equal(encodeState(state, DEFAULT_EXAMPLE), 'v1/ex=countasync');
  assert.deepEqual(roundTrip(state), state);
});

test('source, speed and clock round-trip', () => {
  for (const speed of [0.1, 0.25, 2, 10, 'instant'] as const) {
    const state: UrlState = { example: null, source: 'import asyncio\nprint(1)\n', speed, clock: 'real' };
    assert.deepEqual(roundTrip(state), state);
  }
});

test('only what differs from the defaults is stored', () => {
  assert.equal(encodeState({ ...defaultState(), speed: 2 }, DEFAULT_EXAMPLE), 'v1/speed=2');
  assert.equal(encodeState({ ...defaultState(), clock: 'real' }, DEFAULT_EXAMPLE), 'v1/clock=real');
  const edited = encodeState({ ...defaultState(), source: 'x = 1\n' }, DEFAULT_EXAMPLE);
  assert.match(edited, /^v1\/code=[0-9a-z]+\.[A-Za-z0-9+$-]+$/);
});

test('UTF-8 text survives: accents, CJK, emoji, a lone surrogate', () => {
  for (const source of ['print("héllo wörld")\n', '# 事件循环\nprint("你好")\n', 'print("🐍 ⏱️")\n', 'x = "\ud800"\n', '']) {
    const state: UrlState = { ...defaultState(), source };
    assert.deepEqual(roundTrip(state), state);
  }
});

test('the fragment is URL-safe', () => {
  const fragment = encodeState({ ...defaultState(), source: 'a & b = "c#d" % 100 / ?\n'.repeat(20) }, DEFAULT_EXAMPLE);
  // Only characters a URL fragment carries as they are.
  assert.match(fragment, /^[A-Za-z0-9+$._~=&\/-]*$/);
});

test('a long program compresses', () => {
  const source = 'async def worker(n):\n    await asyncio.sleep(n)\n'.repeat(100);
  const fragment = encodeState({ ...defaultState(), source }, DEFAULT_EXAMPLE);
  assert.ok(fragment.length < source.length / 3, `${fragment.length} vs ${source.length}`);
});

function assertRejected(fragment: string, why: RegExp): void {
  const decoded = decodeState(fragment);
  assert.deepEqual(decoded.state, defaultState(), fragment);
  assert.ok(decoded.error, `no error for ${fragment}`);
  assert.match(decoded.error, why);
  assert.match(decoded.error, /default example/);
}

test('a truncated program is detected, never loaded halfway', () => {
  const source = 'import asyncio\n\nasync def main():\n    print("hello")\n\nasyncio.run(main())\n';
  const fragment = encodeState({ ...defaultState(), source }, DEFAULT_EXAMPLE);
  for (let cut = 1; cut < fragment.length - 'v1/code='.length; cut++) {
    const decoded = decodeState(fragment.slice(0, fragment.length - cut));
    // The last characters may be lz-string's padding: then the whole
    // program is still there. Otherwise the link is refused.
    if (decoded.error === null) assert.equal(decoded.state.source, source, `cut ${cut}`);
    else assert.match(decoded.error, /garbled or truncated|checksum/);
  }
  for (const cut of [5, 11, Math.floor(fragment.length / 2)]) {
    assertRejected(fragment.slice(0, fragment.length - cut), /garbled or truncated|checksum/);
  }
});

test('a garbled program is detected', () => {
  const fragment = encodeState({ ...defaultState(), source: 'print("hello")\n' }, DEFAULT_EXAMPLE);
  const at = fragment.length - 4;
  const garbled = fragment.slice(0, at) + (fragment[at] === 'A' ? 'B' : 'A') + fragment.slice(at + 1);
  assertRejected(garbled, /garbled or truncated/);
  assertRejected('v1/code=zz.!!!not-lz!!!', /garbled or truncated/);
  assertRejected('v1/code=nochecksum', /checksum/);
});

test('malformed links give a message and the default state', () => {
  assertRejected('hello', /no version/);
  assertRejected('v7/ex=countasync', /newer corio/);
  assertRejected('v0/ex=countasync', /unknown/);
  assertRejected('v1/speed=99', /speed/);
  assertRejected('v1/speed=fast', /speed/);
  assertRejected('v1/speed=', /speed/);
  assertRejected('v1/clock=sundial', /clock/);
  assertRejected('v1/ex=../../etc', /example name/);
  assertRejected('v1/justtext', /key=value/);
});

test('unknown keys of the same version are ignored', () => {
  const decoded = decodeState('v1/ex=countasync&theme=pink');
  assert.equal(decoded.error, null);
  assert.equal(decoded.state.example, 'countasync');
});
