// notices.ts — the notices pane: one line under the toolbar for what the page
// has to tell (a link that could not be read, the share link, a program that
// had to be killed, an engine that failed to load). Info notices fade after a
// while; errors stay until dismissed.
import type { Bus, Notice } from '../events.ts';
import { Disposables, el, type Pane } from '../pane.ts';

const INFO_MS = 12_000;

export class NoticesPane implements Pane {
  readonly name = 'notices';
  private readonly bus: Bus;
  private readonly d = new Disposables();
  private host: HTMLElement | null = null;
  private timers = new Set<number>();

  constructor(bus: Bus) {
    this.bus = bus;
  }

  mount(host: HTMLElement): void {
    this.host = host;
    this.d.add(this.bus.on('notice', (notice) => this.show(notice)));
  }

  dispose(): void {
    for (const t of this.timers) window.clearTimeout(t);
    this.d.dispose();
  }

  private show(notice: Notice): void {
    const host = this.host;
    if (!host) return;
    const close = el('button', { class: 'small close', 'aria-label': 'Dismiss' }, '×');
    const item = el('div', { class: `notice ${notice.level}`, 'data-testid': 'notice', role: notice.level === 'error' ? 'alert' : 'status' }, el('span', { class: 'text' }, notice.text));
    if (notice.link !== undefined) {
      const input = el('input', { class: 'link', 'data-testid': 'share-link', readonly: '', value: notice.link, 'aria-label': 'Share link' });
      input.addEventListener('focus', () => input.select());
      item.append(input);
    }
    item.append(close);
    // One notice of a kind at a time: a new share link replaces the old one.
    for (const old of host.querySelectorAll<HTMLElement>('.notice')) {
      if (old.querySelector('.link') && notice.link !== undefined) old.remove();
    }
    host.append(item);
    close.addEventListener('click', () => item.remove());
    if (notice.level === 'info') {
      const t = window.setTimeout(() => {
        this.timers.delete(t);
        item.remove();
      }, notice.link !== undefined ? INFO_MS * 3 : INFO_MS);
      this.timers.add(t);
    }
  }
}
