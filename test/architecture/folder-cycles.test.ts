import { posix } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sources as readSources, specifiers } from './sources.js';

/**
 * No folder-level import cycles (issue 15, "The core"; docs/architecture.md): the folders of emulator/ and
 * conformance/ form layers, each importing only folders below it, so a folder can be read, tested and moved on its
 * own. A folder is the first two segments of a path (`emulator/gateway`, `conformance/runner`); a deeper file belongs
 * to its top folder (`emulator/vat/api/vat-api.ts` is `emulator/vat`).
 *
 * The files directly in `emulator/` and `conformance/` are no folder's: they are the composition that wires the
 * folders together (build-emulator.ts, app.ts, server.ts, front-door.ts, error-handler.ts, run-conformance.ts), the
 * public barrels (index.ts) and the shared hubs every folder is handed (context.ts, the type of what
 * build-emulator.ts builds; conformance/checks.ts, the checks catalogue). They may import any folder; a folder
 * importing them is an edge to nobody, so they close no cycle here.
 *
 * Every import and export statement of the non-test sources counts, `import type` included: a type-only import
 * still ties the two folders' meanings together.
 */
/** The folder a repository-relative, `/`-separated path belongs to, or undefined for a top-level file. */
function folderOf(path: string): string | undefined {
  const parts = path.split('/');
  return parts.length > 2 ? `${parts[0]}/${parts[1]}` : undefined;
}

type Graph = Map<string, Map<string, string>>;

/** Folder → folder it imports → one example (`file imports specifier`), from relative imports only. */
function folderGraph(files: { path: string; source: string }[]): Graph {
  const graph: Graph = new Map();
  for (const { path, source } of files) {
    const from = folderOf(path);
    if (!from) continue;
    for (const specifier of specifiers(source)) {
      if (!specifier.startsWith('.')) continue;
      const to = folderOf(posix.normalize(posix.join(posix.dirname(path), specifier)));
      if (!to || to === from) continue;
      const edges = graph.get(from) ?? new Map<string, string>();
      if (!edges.has(to)) edges.set(to, `${path} imports ${specifier}`);
      graph.set(from, edges);
    }
  }
  return graph;
}

/** The strongly connected components with more than one folder (Tarjan), each as the edges inside it. */
function cycles(graph: Graph): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v)!);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v)?.keys() ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) {
        low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
    }
    if (low.get(v) !== index.get(v)) return;
    const component = new Set<string>();
    for (let w = stack.pop()!; ; w = stack.pop()!) {
      onStack.delete(w);
      component.add(w);
      if (w === v) break;
    }
    if (component.size < 2) return;
    found.push(
      [...component]
        .sort()
        .flatMap((a) => [...(graph.get(a) ?? [])].filter(([b]) => component.has(b)).map(([b, example]) => `${a} → ${b} (${example})`)),
    );
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return found;
}

function sources(dir: string): { path: string; source: string }[] {
  return readSources(dir, { tests: false });
}

describe('the folders of emulator/ and conformance/', () => {
  it('finds a cycle through several folders, and none where imports only go down', () => {
    const file = (path: string, ...imports: string[]): { path: string; source: string } => ({ path, source: imports.map((s, i) => `import { x${i} } from '${s}';`).join('\n') });
    const layered = [
      file('emulator/http/raw.ts'),
      file('emulator/gateway/pipeline.ts', '../http/raw.js', '../context.js'),
      file('emulator/oauth/token-endpoint.ts', '../http/raw.js', '../gateway/api.js'),
      file('emulator/front-door.ts', './gateway/pipeline.js', './oauth/token-endpoint.js'),
      file('emulator/context.ts', './gateway/pipeline.js'),
    ];
    expect(cycles(folderGraph(layered))).toEqual([]);

    const looped = [...layered, { path: 'emulator/http/log.ts', source: "export type { A } from '../control/journal.js';" }, file('emulator/control/journal.ts', '../oauth/scopes.js')];
    expect(cycles(folderGraph(looped))).toEqual([
      [
        'emulator/control → emulator/oauth (emulator/control/journal.ts imports ../oauth/scopes.js)',
        'emulator/gateway → emulator/http (emulator/gateway/pipeline.ts imports ../http/raw.js)',
        'emulator/http → emulator/control (emulator/http/log.ts imports ../control/journal.js)',
        'emulator/oauth → emulator/http (emulator/oauth/token-endpoint.ts imports ../http/raw.js)',
        'emulator/oauth → emulator/gateway (emulator/oauth/token-endpoint.ts imports ../gateway/api.js)',
      ],
    ]);
  });

  it('import one another only downwards: no folder-level import cycle', () => {
    const files = [...sources('emulator'), ...sources('conformance')];
    expect(files.length).toBeGreaterThan(100);
    const graph = folderGraph(files);
    expect(graph.size).toBeGreaterThan(10);
    expect(cycles(graph)).toEqual([]);
  });
});
