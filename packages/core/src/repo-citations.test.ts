// The project carries its own documents (issue 12): comments, fixtures and READMEs cite a document that
// exists in this repository (docs/*.md, a provider package's own document, with the section or decision
// they name) or a public URL, and never a path outside the repository.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

/** The repository root: the nearest folder up from this file that holds pnpm-workspace.yaml. */
function repoRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'pnpm-workspace.yaml'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('repo-citations.test: no pnpm-workspace.yaml above this test');
    dir = parent;
  }
  return dir;
}

const root = repoRoot();
const ignoredDirs = new Set(['node_modules', 'dist', '.turbo', 'coverage', '.git']);

/** Files git tracks (or would track); a plain walk when git is not available (a tarball of the repo). */
function listFiles(): string[] {
  try {
    const out = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
      cwd: root,
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    return out.split('\0').filter((file) => file !== '' && existsSync(join(root, file)));
  } catch {
    const files: string[] = [];
    const walk = (dir: string): void => {
      for (const name of readdirSync(dir)) {
        if (ignoredDirs.has(name)) continue;
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else files.push(relative(root, path));
      }
    };
    walk(root);
    return files;
  }
}

interface TextFile {
  readonly path: string;
  readonly lines: readonly string[];
}

/**
 * A file's bytes, or undefined when it vanished after listing: other packages' builds run beside this test
 * under turbo, and tsup writes and deletes a `tsup.config.bundled_*.mjs` next to its config meanwhile.
 */
function readIfPresent(path: string): Buffer | undefined {
  try {
    return readFileSync(join(root, path));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

const textFiles: TextFile[] = listFiles()
  .filter((file) => !ignoredDirs.has(file.split('/')[0] ?? ''))
  .flatMap((path) => {
    const buffer = readIfPresent(path);
    return buffer === undefined || buffer.includes(0)
      ? []
      : [{ path, lines: buffer.toString('utf8').split('\n') }];
  });

// Built from pieces so that this file does not contain what it forbids.
const forbidden = [`..${'/'}shared`, `/${'work'}/`, `taxonomy ${'decision'}`];

// `docs/<name>.md` or `…/PROVIDER.md`, not inside a longer path or URL (`../` chains are relative links).
const cited =
  /(^|[^\w./-])((?:\.\.\/)*)((?:docs\/[a-z0-9-]+|(?:packages\/)?(?:[\w-]+\/)?PROVIDER)\.md)(#[\w-]+)?/g;
// `§3`, `§2–§4`, `§1, §8`, `§3 and §6`, `§1 / §5` right after a cited document.
const sections = /^\s*§\d+(?:\s*(?:–|-|,|and|\/)\s*§\d+)*/;
const sectionNumber = /§(\d+)/g;

interface Citation {
  readonly where: string;
  readonly target: string;
  readonly anchor?: string;
  readonly sections: readonly string[];
}

function citations(): Citation[] {
  const found: Citation[] = [];
  for (const file of textFiles) {
    file.lines.forEach((line, index) => {
      for (const match of line.matchAll(cited)) {
        const [whole, lead = '', up = '', name = '', anchor] = match;
        const relativeToFile = up !== '' || !(name.startsWith('docs/') || name.startsWith('packages/'));
        const target = relative(
          root,
          resolve(relativeToFile ? dirname(join(root, file.path)) : root, up + name),
        );
        const after = line.slice((match.index ?? 0) + whole.length);
        const numbers = [...(after.match(sections)?.[0] ?? '').matchAll(sectionNumber)].map(
          (m) => m[1] ?? '',
        );
        found.push({
          where: `${file.path}:${index + 1} (${lead}${up}${name})`,
          target,
          ...(anchor === undefined ? {} : { anchor: anchor.slice(1) }),
          sections: numbers,
        });
      }
    });
  }
  return found;
}

const all = citations();
const readTarget = (target: string): string => readFileSync(join(root, target), 'utf8');

describe('citations inside the repository', () => {
  it('finds the documents it checks (the scan itself works)', () => {
    expect(all.some((citation) => citation.target === 'docs/taxonomy.md')).toBe(true);
    expect(all.some((citation) => citation.target.endsWith('/PROVIDER.md'))).toBe(true);
  });

  it('names no path outside the repository', () => {
    const hits = textFiles.flatMap((file) =>
      file.lines.flatMap((line, index) =>
        forbidden.filter((text) => line.includes(text)).map((text) => `${file.path}:${index + 1}: ${text}`),
      ),
    );
    expect(hits).toEqual([]);
  });

  it('cites only documents that exist', () => {
    const missing = all.filter((citation) => !existsSync(join(root, citation.target)));
    expect(missing.map((citation) => `${citation.where} → ${citation.target}`)).toEqual([]);
  });

  it('cites only anchors and numbered sections the document has', () => {
    const broken: string[] = [];
    for (const citation of all.filter((each) => existsSync(join(root, each.target)))) {
      const text = readTarget(citation.target);
      if (citation.anchor !== undefined && !text.includes(`id="${citation.anchor}"`)) {
        broken.push(`${citation.where}: no #${citation.anchor} in ${citation.target}`);
      }
      for (const number of citation.sections) {
        if (!new RegExp(`^#{2,3} ${number}\\. `, 'm').test(text)) {
          broken.push(`${citation.where}: no section ${number} in ${citation.target}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('cites only decisions that docs/taxonomy.md defines', () => {
    const taxonomy = readTarget('docs/taxonomy.md');
    const broken = textFiles.flatMap((file) =>
      file.lines.flatMap((line, index) =>
        [...line.matchAll(/#decision-(\d+)/g)]
          .filter((match) => !taxonomy.includes(`id="decision-${match[1]}"`))
          .map((match) => `${file.path}:${index + 1}: ${match[0]}`),
      ),
    );
    expect(broken).toEqual([]);
  });
});
