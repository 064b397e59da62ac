// harness.mjs — what the browser tests share: the built page served by
// scripts/serve.mjs, Debian's chromium driven by playwright-core (no browser
// download), and helpers that read the page the way a person would (the
// console's text from xterm's buffer, the editor's markers) through the
// page's `corio-probe` event (src/probe.ts).
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../scripts/serve.mjs';

const here = dirname(fileURLToPath(import.meta.url));
export const WEB = join(here, '..', '..');
export const REPO = join(WEB, '..');
export const EXAMPLES = join(REPO, 'examples');
export const ARTIFACTS = process.env.CORIO_WEB_ARTIFACTS ?? join(REPO, 'build', 'web-test');
const DIST = process.env.CORIO_WEB_DIST ?? join(WEB, 'dist');
const CHROMIUM = process.env.CORIO_CHROMIUM ?? '/usr/bin/chromium';

export function examplesIndex() {
  return JSON.parse(readFileSync(join(EXAMPLES, 'index.json'), 'utf8'));
}

export function expectedOutput(name) {
  return readFileSync(join(EXAMPLES, `${name}.out`), 'utf8');
}

// Starts the server and the browser once for a test file.
export async function launch() {
  mkdirSync(ARTIFACTS, { recursive: true });
  const { server, url } = await startServer({ dir: DIST, port: 0 });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-dev-shm-usage'],
  });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

// Opens the page at `fragment` and waits until the engine is ready. Errors
// on the page's console or uncaught exceptions are collected in `errors`.
export async function openPage(env, fragment = '', { viewport = { width: 1400, height: 900 }, colorScheme = 'light' } = {}) {
  const context = await env.browser.newContext({ viewport, colorScheme });
  const page = await context.newPage();
  const errors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(`page: ${error.message}`));
  page.on('requestfailed', (request) => errors.push(`request failed: ${request.url()}`));
  await page.goto(env.url + (fragment ? '#' + fragment : ''));
  await waitReady(page);
  return { page, errors, close: () => context.close() };
}

// The engine is loaded (Run is enabled) and Monaco has painted the program.
export async function waitReady(page) {
  await page.waitForSelector('[data-testid=run]:not([disabled])', { timeout: 30_000 });
  await page.waitForSelector('[data-testid=editor] .view-lines .view-line', { timeout: 30_000 });
}

export function probe(page, what) {
  return page.evaluate((what) => {
    const detail = { what };
    document.dispatchEvent(new CustomEvent('corio-probe', { detail }));
    return detail.result;
  }, what);
}

// Waits for the end of the run (the console has written everything and shows
// the exit status) and returns the exit code.
export async function waitExit(page, timeout = 60_000) {
  const status = await page.waitForSelector('[data-testid=console-status][data-exit]', { timeout });
  return Number(await status.getAttribute('data-exit'));
}

export function consoleText(page) {
  return probe(page, 'console-text');
}

// Replaces the editor's text as if typed (no auto-indent: insertText).
export async function setSource(page, text) {
  await page.click('[data-testid=editor] .view-lines');
  await page.keyboard.press('ControlOrMeta+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
  const got = await probe(page, 'editor-source');
  if (got !== text) throw new Error(`the editor holds ${JSON.stringify(got)}, not ${JSON.stringify(text)}`);
}

// The fragment of a share link holding `source` (and speed, clock), made by
// the page's own codec (compiled for the unit tests into .build-unit/).
export async function sourceFragment(source, { speed = 1, clock = 'virtual' } = {}) {
  const codec = await import('../../.build-unit/web/src/url-state.js').catch(() => {
    throw new Error('run `npm run test:unit` first: it compiles the URL codec the browser tests use');
  });
  return codec.encodeState({ example: null, source, speed, clock }, examplesIndex()[0].name);
}

export async function chooseExample(page, name) {
  await page.click('[data-testid=examples]');
  await page.click(`[data-testid=examples-menu] [data-example="${name}"]`);
}

export async function run(page) {
  await page.click('[data-testid=run]');
}

// The console shows what the terminal shows: tabs become spaces to the next
// multiple of 8 and trailing spaces are not kept, so the expected text is
// normalized the same way (both end without trailing newlines).
export function normalizeOutput(text) {
  return text
    .split('\n')
    .map((line) => {
      let out = '';
      for (const ch of line) out += ch === '\t' ? ' '.repeat(8 - (out.length % 8)) : ch;
      return out.trimEnd();
    })
    .join('\n')
    .replace(/\n+$/, '');
}
