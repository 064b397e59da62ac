// layout.ts — the page's frame: editor and console on the left, the loop view
// on the right, with draggable (and keyboard-movable) splitters between
// them. Sizes are CSS variables on the workspace, in percent. On a narrow
// screen the CSS stacks the panes and hides the splitters.
import { Disposables, el } from './pane.ts';

export interface Frame {
  toolbar: HTMLElement;
  notices: HTMLElement;
  editor: HTMLElement;
  console: HTMLElement;
  loop: HTMLElement;
  dispose(): void;
}

export function buildFrame(root: HTMLElement): Frame {
  const d = new Disposables();
  const toolbar = el('header', { class: 'toolbar-host' });
  const notices = el('div', { class: 'notices', 'aria-live': 'polite' });
  const editor = el('section', { class: 'pane', 'aria-label': 'Editor' });
  const consolePane = el('section', { class: 'pane', 'aria-label': 'Console' });
  const loop = el('section', { class: 'pane', 'aria-label': 'Event loop' });
  const splitRows = el('div', { class: 'splitter rows', role: 'separator', 'aria-orientation': 'horizontal', tabindex: '0', title: 'Drag to resize' });
  const splitCols = el('div', { class: 'splitter cols', role: 'separator', 'aria-orientation': 'vertical', tabindex: '0', title: 'Drag to resize' });
  const left = el('div', { class: 'left' }, editor, splitRows, consolePane);
  const workspace = el('main', { class: 'workspace' }, left, splitCols, loop);
  root.replaceChildren(toolbar, notices, workspace);

  splitter(d, splitCols, workspace, '--left', 'x', left);
  splitter(d, splitRows, left, '--top', 'y', left);
  return { toolbar, notices, editor, console: consolePane, loop, dispose: () => d.dispose() };
}

// Dragging `handle` sets `variable` on `target` to the pointer's position as
// a percentage of `box` (clamped to 15..85 %); arrow keys move it by 2 %.
function splitter(d: Disposables, handle: HTMLElement, target: HTMLElement, variable: string, axis: 'x' | 'y', box: HTMLElement): void {
  const set = (percent: number): void => {
    const clamped = Math.min(85, Math.max(15, percent));
    target.style.setProperty(variable, `${clamped}%`);
    handle.setAttribute('aria-valuenow', String(Math.round(clamped)));
  };
  const current = (): number => {
    const value = parseFloat(getComputedStyle(target).getPropertyValue(variable));
    return Number.isFinite(value) ? value : 50;
  };
  d.listen(handle, 'pointerdown', (down) => {
    down.preventDefault();
    handle.setPointerCapture(down.pointerId);
    const rect = (axis === 'x' ? target : box).getBoundingClientRect();
    const move = (e: PointerEvent): void => {
      set(axis === 'x' ? ((e.clientX - rect.left) / rect.width) * 100 : ((e.clientY - rect.top) / rect.height) * 100);
    };
    const up = (): void => {
      handle.removeEventListener('pointermove', move);
      handle.removeEventListener('pointerup', up);
      document.body.classList.remove('resizing');
    };
    document.body.classList.add('resizing');
    handle.addEventListener('pointermove', move);
    handle.addEventListener('pointerup', up);
  });
  d.listen(handle, 'keydown', (e) => {
    const back = axis === 'x' ? 'ArrowLeft' : 'ArrowUp';
    const forward = axis === 'x' ? 'ArrowRight' : 'ArrowDown';
    if (e.key === back) set(current() - 2);
    else if (e.key === forward) set(current() + 2);
    else return;
    e.preventDefault();
  });
}
