// Type-checks a package README's ```ts blocks under `strict`, so a snippet a reader copies compiles as
// shown. Each block is a module at `<package>/.readme-types/example-N.ts` that exists only in the
// compiler host (nothing is written): module resolution from there finds the package's own
// dependencies and devDependencies (the provider SDKs), and `@mailverdict/*` resolves to the sources,
// as in vitest.base.ts, so no build is needed. Names the reader supplies are declared in the snippet.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ts from 'typescript';
import { codeBlocks } from '../readme-examples';

/** `@mailverdict/<dir>` and its subpaths → the sources (`src/<subpath>.ts` or `src/<subpath>/index.ts`). */
function sourcePaths(packagesDir: string): Record<string, string[]> {
  const paths: Record<string, string[]> = {};
  for (const dir of readdirSync(packagesDir)) {
    const src = join(packagesDir, dir, 'src');
    if (!existsSync(join(src, 'index.ts'))) continue;
    paths[`@mailverdict/${dir}`] = [join(src, 'index.ts')];
    for (const name of readdirSync(src)) {
      if (name === 'index.ts' || name.endsWith('.test.ts')) continue;
      const file = name.endsWith('.ts') ? name : join(name, 'index.ts');
      if (!existsSync(join(src, file))) continue;
      paths[`@mailverdict/${dir}/${name.replace(/\.ts$/, '')}`] = [join(src, file)];
    }
  }
  return paths;
}

export interface ReadmeTypeCheck {
  /** how many ```ts blocks the README has */
  readonly blocks: number;
  /** one line per error: `README.md line N: message` */
  readonly errors: readonly string[];
}

/**
 * The type errors of every ```ts block of `<packageRoot>/README.md` (or of `markdown`, read as if it were that
 * README), with README line numbers.
 */
export function readmeTypeErrors(packageRoot: string, markdown?: string): ReadmeTypeCheck {
  const root = resolve(packageRoot);
  const blocks = codeBlocks(markdown ?? readFileSync(join(root, 'README.md'), 'utf8'));
  const files = new Map(
    blocks.map((block, index) => [join(root, '.readme-types', `example-${index + 1}.ts`), block] as const),
  );
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    skipLibCheck: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2022.d.ts'],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    moduleDetection: ts.ModuleDetectionKind.Force,
    esModuleInterop: true,
    types: ['node'],
    paths: sourcePaths(join(root, '..')),
  };
  const host = ts.createCompilerHost(options);
  const { fileExists, readFile, getSourceFile } = host;
  host.fileExists = (name) => files.has(name) || fileExists(name);
  host.readFile = (name) => files.get(name)?.code ?? readFile(name);
  host.getSourceFile = (name, language, ...rest) => {
    const block = files.get(name);
    return block === undefined
      ? getSourceFile(name, language, ...rest)
      : ts.createSourceFile(name, block.code, language);
  };
  const program = ts.createProgram([...files.keys()], options, host);
  const errors = [...files].flatMap(([name, block]) => {
    const file = program.getSourceFile(name);
    if (file === undefined) return [`README.md line ${block.line}: the block was not compiled`];
    return [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)].map(
      (diagnostic) => {
        const line = file.getLineAndCharacterOfPosition(diagnostic.start ?? 0).line;
        return `README.md line ${block.line + line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
      },
    );
  });
  return { blocks: blocks.length, errors };
}
