// console.ts — the console pane: xterm.js showing the program's stdout as it
// arrives (the typist types at the program's pace), stderr in red, and, in
// the status line above it, the exit status with the virtual and wall time.
// Traceback lines `File "main.py", line N` are links that move the editor.
//
// Floods stay bounded: xterm keeps SCROLLBACK_LINES lines (the header says
// so), output is written in small pieces with xterm's write callback as
// back-pressure, and when more than SOFT_PENDING_CHARS wait to be written,
// all but the last SCROLLBACK_LINES lines are dropped before xterm parses
// them (they would have scrolled out anyway), with a note saying so.
import { Terminal, type IBufferLine, type ILink, type ITheme } from '@xterm/xterm';
import { FitAddon } from '@xterm/addon-fit';
import '@xterm/xterm/css/xterm.css';
import type { Bus, RunEnd } from '../events.ts';
import { Disposables, el, type Pane } from '../pane.ts';
import { registerProbe } from '../probe.ts';
import { FILENAME } from '../session.ts';
import { EXIT_STOPPED } from '../../../wasm-bindings/protocol.ts';

export const SCROLLBACK_LINES = 5000;
const SOFT_PENDING_CHARS = 256 * 1024;
const HARD_PENDING_CHARS = 8 << 20;
const MAX_WRITE_CHARS = 2 * 1024; // xterm parses one write without yielding
const RED = '\x1b[31m';
const DIM = '\x1b[2m';
const RESET = '\x1b[0m';
const FULL_RESET = '\x1bc';

const dark = window.matchMedia('(prefers-color-scheme: dark)');
const DARK_THEME: ITheme = { background: '#1b1d23', foreground: '#d8dee9', cursor: '#1b1d23', selectionBackground: '#3b4252' };
const LIGHT_THEME: ITheme = { background: '#fbfbfc', foreground: '#1f2328', cursor: '#fbfbfc', selectionBackground: '#cde1f7', red: '#c4161c' };

export class ConsolePane implements Pane {
  readonly name = 'console';
  private readonly bus: Bus;
  private readonly d = new Disposables();
  private term: Terminal | null = null;
  private fit = new FitAddon();
  private queue: string[] = [];
  private head = 0; // characters of queue[0] already written
  private queued = 0;
  private writing = false;
  private ended: RunEnd | null = null;
  private dropped = 0;
  private checkAt = SOFT_PENDING_CHARS; // queued size that triggers dropOldest
  private status = el('span', { class: 'console-status', 'data-testid': 'console-status' });
  private fitFrame = 0;

  constructor(bus: Bus) {
    this.bus = bus;
  }

  mount(host: HTMLElement): void {
    host.classList.add('console-pane');
    const clear = el('button', { class: 'small', 'data-testid': 'clear', title: 'Clear the console' }, 'Clear');
    const header = el(
      'div',
      { class: 'pane-header' },
      el('span', { class: 'pane-title' }, 'Console'),
      el('span', { class: 'note', title: 'Older lines are dropped' }, `keeps the last ${SCROLLBACK_LINES.toLocaleString('en')} lines`),
      this.status,
      clear,
    );
    const box = el('div', { class: 'term-host', 'data-testid': 'console' });
    host.append(header, box);

    const term = new Terminal({
      convertEol: true,
      scrollback: SCROLLBACK_LINES,
      disableStdin: true,
      cursorBlink: false,
      cursorInactiveStyle: 'none',
      fontSize: 13,
      fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace',
      theme: dark.matches ? DARK_THEME : LIGHT_THEME,
      allowProposedApi: false,
    });
    term.loadAddon(this.fit);
    term.open(box);
    this.term = term;
    this.fitSoon();
    const observer = new ResizeObserver(() => this.fitSoon());
    observer.observe(box);
    this.d.add(() => observer.disconnect());
    const onScheme = (): void => {
      term.options.theme = dark.matches ? DARK_THEME : LIGHT_THEME;
    };
    dark.addEventListener('change', onScheme);
    this.d.add(() => dark.removeEventListener('change', onScheme));

    const links = term.registerLinkProvider({
      provideLinks: (y, callback) => callback(this.tracebackLinks(y)),
    });
    this.d.add(() => links.dispose());

    const b = this.bus;
    this.d.listen(clear, 'click', () => this.clear());
    this.d.add(
      b.on('run-started', () => {
        this.clear();
        this.setStatus('running…', 'running');
      }),
    );
    this.d.add(b.on('stdout', (text) => this.write(text)));
    this.d.add(b.on('stderr', (text) => this.write(RED + text + RESET)));
    this.d.add(
      b.on('run-ended', (end) => {
        this.ended = end;
        this.pump();
      }),
    );
    this.d.add(registerProbe('console-text', () => this.text()));
  }

  dispose(): void {
    cancelAnimationFrame(this.fitFrame);
    this.d.dispose();
    this.term?.dispose();
    this.term = null;
  }

  // The console's text as a person reads it: wrapped rows joined back into
  // their lines, trailing blank lines dropped.
  text(): string {
    const term = this.term;
    if (!term) return '';
    const buffer = term.buffer.active;
    const lines: string[] = [];
    for (let y = 0; y < buffer.length; y++) {
      const line: IBufferLine | undefined = buffer.getLine(y);
      if (!line) continue;
      const text = line.translateToString(true);
      if (line.isWrapped && lines.length > 0) lines[lines.length - 1] += text;
      else lines.push(text);
    }
    while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    return lines.join('\n');
  }

  // The reset goes through the write queue (ESC c, a full reset, also of
  // the scrollback), so output already handed to xterm cannot land after it.
  private clear(): void {
    this.queue = [FULL_RESET];
    this.head = 0;
    this.queued = FULL_RESET.length;
    this.checkAt = SOFT_PENDING_CHARS;
    this.dropped = 0;
    this.ended = null;
    this.setStatus('', '');
    this.pump();
  }

  private write(text: string): void {
    this.queue.push(text);
    this.queued += text.length;
    if (this.queued > this.checkAt) this.dropOldest();
    this.pump();
  }

  // What waits to be written and would scroll out of the scrollback anyway
  // is dropped before xterm parses it: a flood of a million lines costs the
  // page the last SCROLLBACK_LINES of them. (More than HARD_PENDING_CHARS of
  // very long lines: the oldest half goes.)
  private dropOldest(): void {
    if (this.head > 0) this.queue[0] = this.queue[0].slice(this.head);
    this.head = 0;
    const resetFirst = this.queue[0] === FULL_RESET;
    if (resetFirst) this.queue.shift();
    const all = this.queue.join('');
    let cut = all.length;
    for (let n = 0; n <= SCROLLBACK_LINES && cut > 0; n++) cut = all.lastIndexOf('\n', cut - 1);
    if (cut <= 0 && all.length > HARD_PENDING_CHARS) cut = all.lastIndexOf('\n', all.length / 2);
    if (cut <= 0) {
      // Fewer lines than the scrollback holds: keep them all, look again later.
      this.queue = resetFirst ? [FULL_RESET, all] : [all];
      this.checkAt = this.queued * 2;
      return;
    }
    const droppedText = all.slice(0, cut + 1);
    let lines = 0;
    for (let i = droppedText.indexOf('\n'); i >= 0; i = droppedText.indexOf('\n', i + 1)) lines++;
    this.dropped += lines;
    const note = `${resetFirst ? FULL_RESET : ''}${DIM}… ${this.dropped.toLocaleString('en')} lines not shown (the console keeps the last ${SCROLLBACK_LINES.toLocaleString('en')}) …${RESET}\n`;
    const kept = all.slice(cut + 1);
    this.queue = [note, kept];
    this.queued = note.length + kept.length;
    this.checkAt = SOFT_PENDING_CHARS;
  }

  private pump(): void {
    const term = this.term;
    if (!term || this.writing) return;
    if (this.queue.length === 0) {
      this.checkAt = SOFT_PENDING_CHARS;
      if (this.ended) this.showEnd(this.ended);
      return;
    }
    const chunk = this.takeChunk();
    this.writing = true;
    term.write(chunk, () => {
      this.writing = false;
      this.pump();
    });
  }

  // The next piece to write, at most MAX_WRITE_CHARS, taken from the front
  // of the queue without copying the rest (a flood can queue a megabyte).
  private takeChunk(): string {
    let out = '';
    while (this.queue.length > 0 && out.length < MAX_WRITE_CHARS) {
      const first = this.queue[0];
      const room = MAX_WRITE_CHARS - out.length;
      if (first.length - this.head <= room) {
        out += this.head === 0 ? first : first.slice(this.head);
        this.queue.shift();
        this.head = 0;
      } else {
        out += first.slice(this.head, this.head + room);
        this.head += room;
      }
    }
    this.queued -= out.length;
    return out;
  }

  private showEnd(end: RunEnd): void {
    this.ended = null;
    const what =
      end.code === EXIT_STOPPED ? (end.killed ? 'stopped (engine restarted)' : 'stopped') : `exit status ${end.code}`;
    const times = `virtual ${end.virtualTime.toFixed(3)} s · wall ${Math.round(end.wallMs)} ms`;
    this.setStatus(`${what} · ${end.killed ? '' : times}`.replace(/ · $/, ''), end.code === 0 ? 'ok' : 'failed');
    this.status.dataset.exit = String(end.code);
  }

  private setStatus(text: string, kind: string): void {
    this.status.textContent = text;
    this.status.dataset.kind = kind;
    delete this.status.dataset.exit;
  }

  private fitSoon(): void {
    cancelAnimationFrame(this.fitFrame);
    this.fitFrame = requestAnimationFrame(() => {
      const box = this.term?.element?.parentElement;
      if (box && box.clientWidth > 0 && box.clientHeight > 0) this.fit.fit();
    });
  }

  // `  File "main.py", line 7, in main` → a link to line 7.
  private tracebackLinks(y: number): ILink[] {
    const line = this.term?.buffer.active.getLine(y - 1);
    if (!line) return [];
    const text = line.translateToString(true);
    const pattern = new RegExp(`File "${FILENAME.replace('.', '\\.')}", line (\\d+)`, 'g');
    const links: ILink[] = [];
    for (const m of text.matchAll(pattern)) {
      const start = (m.index ?? 0) + 1;
      const lineNumber = Number(m[1]);
      links.push({
        range: { start: { x: start, y }, end: { x: start + m[0].length - 1, y } },
        text: m[0],
        activate: () => this.bus.emit('reveal-line', lineNumber),
      });
    }
    return links;
  }
}
