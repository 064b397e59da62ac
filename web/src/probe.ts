// probe.ts — a read-only window into the panes for the browser tests and the
// performance script, without globals: they dispatch a `corio-probe`
// CustomEvent on `document` whose detail names what they want; the pane that
// registered that name fills in `result` synchronously, before dispatchEvent
// returns. Nothing in the page itself uses this.
export const PROBE_EVENT = 'corio-probe';

export interface ProbeDetail {
  what: string;
  result?: unknown;
}

export function registerProbe(what: string, read: () => unknown): () => void {
  const listener = (event: Event): void => {
    if (!(event instanceof CustomEvent)) return;
    const detail: unknown = event.detail;
    if (typeof detail === 'object' && detail !== null && 'what' in detail && detail.what === what) {
      (detail as ProbeDetail).result = read();
    }
  };
  document.addEventListener(PROBE_EVENT, listener);
  return () => document.removeEventListener(PROBE_EVENT, listener);
}
