// editor.ts — the editor pane: Monaco with Python only (plus hover, find,
// comment and bracket matching), markers for a syntax error or an uncaught
// exception, the running task's current line highlighted, and a one-line
// problem bar under the editor that says where the error is.
import * as monaco from 'monaco-editor/editor/editor.api';
import 'monaco-editor/languages/definitions/python/register';
import 'monaco-editor/features/hover/register';
import 'monaco-editor/features/find/register';
import 'monaco-editor/features/comment/register';
import 'monaco-editor/features/bracketMatching/register';
import EditorWorker from 'monaco-editor/editor/editor.worker?worker';
import type { Bus, ProgramError } from '../events.ts';
import { Disposables, el, type Pane } from '../pane.ts';
import { registerProbe } from '../probe.ts';
import { FILENAME } from '../session.ts';

// Monaco's documented configuration hook (declared, typed, by monaco-editor
// itself): how to start its editor worker under a bundler.
globalThis.MonacoEnvironment = { getWorker: () => new EditorWorker() };

const MARKER_OWNER = 'corio';
const dark = window.matchMedia('(prefers-color-scheme: dark)');

export interface EditorOptions {
  source: string;
  // Where Monaco cannot be edited comfortably (touch-only, narrow), the
  // editor is read-only and says so.
  readOnly: boolean;
}

export class EditorPane implements Pane {
  readonly name = 'editor';
  private readonly bus: Bus;
  private readonly options: EditorOptions;
  private readonly d = new Disposables();
  private editor: monaco.editor.IStandaloneCodeEditor | null = null;
  private runningLine: monaco.editor.IEditorDecorationsCollection | null = null;
  private problem = el('div', { class: 'problem', 'data-testid': 'problem', hidden: '' });
  private readyResolve: () => void = () => {};
  readonly ready = new Promise<void>((resolve) => {
    this.readyResolve = resolve;
  });

  constructor(bus: Bus, options: EditorOptions) {
    this.bus = bus;
    this.options = options;
  }

  mount(host: HTMLElement): void {
    host.classList.add('editor-pane');
    const box = el('div', { class: 'monaco-host', 'data-testid': 'editor' });
    host.append(box, this.problem);
    if (this.options.readOnly) {
      host.append(el('div', { class: 'readonly-note' }, 'Read-only on this screen: editing needs a keyboard. Examples still run.'));
    }
    const editor = monaco.editor.create(box, {
      value: this.options.source,
      language: 'python',
      theme: dark.matches ? 'vs-dark' : 'vs',
      automaticLayout: true,
      minimap: { enabled: false },
      fontSize: 14,
      scrollBeyondLastLine: false,
      tabSize: 4,
      insertSpaces: true,
      glyphMargin: true,
      readOnly: this.options.readOnly,
      fixedOverflowWidgets: true,
      ariaLabel: 'Python program',
    });
    this.editor = editor;
    this.runningLine = editor.createDecorationsCollection();

    // Ctrl/Cmd+Enter runs (Monaco keeps the key from reaching the document).
    editor.addCommand(monaco.KeyMod.CtrlCmd | monaco.KeyCode.Enter, () => this.bus.emit('run-requested'));
    const changes = editor.onDidChangeModelContent(() => this.clearProblem());
    this.d.add(() => changes.dispose());

    const onScheme = (): void => monaco.editor.setTheme(dark.matches ? 'vs-dark' : 'vs');
    dark.addEventListener('change', onScheme);
    this.d.add(() => dark.removeEventListener('change', onScheme));

    const b = this.bus;
    this.d.add(b.on('run-started', () => this.clearProblem()));
    this.d.add(b.on('program-error', (error) => this.showProblem(error)));
    this.d.add(b.on('running-line', (line) => this.highlight(line)));
    this.d.add(b.on('run-ended', () => this.highlight(0)));
    this.d.add(b.on('reveal-line', (line) => this.reveal(line)));
    this.d.listen(this.problem, 'click', () => {
      const line = Number(this.problem.dataset.line);
      if (line > 0) this.reveal(line);
    });

    this.d.add(
      registerProbe('editor-markers', () =>
        monaco.editor
          .getModelMarkers({ owner: MARKER_OWNER })
          .map((m) => ({ line: m.startLineNumber, column: m.startColumn, message: m.message })),
      ),
    );
    this.d.add(registerProbe('editor-highlight', () => this.runningLine?.getRanges().map((r) => r.startLineNumber) ?? []));

    // Ready once the first lines are painted.
    requestAnimationFrame(() => this.readyResolve());
  }

  get source(): string {
    return this.editor?.getValue() ?? this.options.source;
  }

  setSource(source: string): void {
    const editor = this.editor;
    if (!editor) return;
    editor.setValue(source);
    editor.setScrollTop(0);
    this.clearProblem();
  }

  dispose(): void {
    this.d.dispose();
    this.editor?.getModel()?.dispose();
    this.editor?.dispose();
    this.editor = null;
  }

  private showProblem(error: ProgramError): void {
    const model = this.editor?.getModel();
    if (!model) return;
    const where = error.line > 0 ? ` (${FILENAME}, line ${error.line})` : '';
    this.problem.textContent = `${error.message}${where}`;
    this.problem.dataset.line = String(error.line);
    this.problem.classList.toggle('clickable', error.line > 0);
    this.problem.hidden = false;
    if (error.line <= 0 || error.line > model.getLineCount()) return;
    const line = error.line;
    const startColumn = error.col > 0 ? Math.min(error.col, model.getLineMaxColumn(line)) : model.getLineFirstNonWhitespaceColumn(line) || 1;
    const endColumn = error.col > 0 && startColumn < model.getLineMaxColumn(line) ? startColumn + 1 : model.getLineMaxColumn(line);
    monaco.editor.setModelMarkers(model, MARKER_OWNER, [
      {
        severity: monaco.MarkerSeverity.Error,
        message: error.message,
        startLineNumber: line,
        startColumn,
        endLineNumber: line,
        endColumn: Math.max(endColumn, startColumn + 1),
      },
    ]);
    this.editor?.revealLineInCenterIfOutsideViewport(line);
  }

  private clearProblem(): void {
    const model = this.editor?.getModel();
    if (model) monaco.editor.setModelMarkers(model, MARKER_OWNER, []);
    this.problem.hidden = true;
    this.problem.textContent = '';
    delete this.problem.dataset.line;
  }

  private highlight(line: number): void {
    const model = this.editor?.getModel();
    if (!model || !this.runningLine) return;
    if (line <= 0 || line > model.getLineCount()) {
      this.runningLine.clear();
      return;
    }
    this.runningLine.set([
      {
        range: new monaco.Range(line, 1, line, 1),
        options: { isWholeLine: true, className: 'running-line', linesDecorationsClassName: 'running-line-gutter' },
      },
    ]);
  }

  private reveal(line: number): void {
    const editor = this.editor;
    if (!editor) return;
    editor.revealLineInCenter(line);
    editor.setPosition({ lineNumber: line, column: 1 });
    editor.focus();
  }
}
