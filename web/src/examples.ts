// examples.ts — the examples menu, built from examples/index.json and the
// programs beside it at build time (Vite inlines both; nothing is fetched).
// The first entry of index.json is the page's default example.
import index from '../../examples/index.json';

export interface Example {
  name: string;
  title: string;
  description: string;
  source: string;
}

const sources = import.meta.glob<string>('../../examples/*.py', {
  query: '?raw',
  import: 'default',
  eager: true,
});

export const EXAMPLES: readonly Example[] = index.map((entry) => {
  const source = sources[`../../examples/${entry.file}`];
  if (source === undefined) throw new Error(`examples/index.json names ${entry.file}, which is missing`);
  return { name: entry.name, title: entry.title, description: entry.description, source };
});

export const DEFAULT_EXAMPLE: Example = EXAMPLES[0];

export function findExample(name: string): Example | undefined {
  return EXAMPLES.find((e) => e.name === name);
}

// The example whose text this is exactly (for share links that stay short).
export function exampleWithSource(source: string): Example | undefined {
  return EXAMPLES.find((e) => e.source === source);
}
