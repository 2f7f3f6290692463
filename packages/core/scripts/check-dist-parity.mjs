// Dist parity: proves the published bundle classifies exactly like the source. The build strips the
// built-in rules' doc fields (`example`, `source`, `reason`, `note`) with a regular-expression
// esbuild plugin (tsup.config.ts); a slip there would change a rule without any test noticing,
// because the tests run against src/.
//
// Run after `pnpm build`:  node scripts/check-dist-parity.mjs
// It runs itself once under tsx (`--emit-src`) to classify with src/, then classifies the same
// inputs with the BUILT dist/index.js (ESM) and dist/index.cjs (CJS) and compares every field of
// every verdict. Inputs: every real reply of src/__fixtures__/replies.jsonl, plus every built-in
// rule's own `example` (read from src/, since dist no longer carries them) with the rule's command.
// Exit code 1 and one line per difference when anything differs.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const self = fileURLToPath(import.meta.url);

/** The inputs: [label, reply, context] — the fixture replies, then each built-in rule's example. */
function inputs(rules) {
  const file = `${root}src/__fixtures__/replies.jsonl`;
  const list = readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim().length > 0)
    .map((line) => {
      const item = JSON.parse(line);
      return [`reply ${item.id}`, item.reply, undefined];
    });
  for (const rule of rules) {
    if (typeof rule.example !== 'string') continue;
    const command = rule.commands?.[0];
    list.push([`example of ${rule.id}`, rule.example, command === undefined ? undefined : { command }]);
  }
  return list;
}

function classifyAll(classify, list) {
  // JSON turns an absent context into null: pass undefined again
  return list.map(([, reply, context]) => classify(reply, context ?? undefined));
}

async function emitSource() {
  // Under tsx: classify with the source and print everything the parent needs as JSON.
  const source = await import(pathToFileURL(`${root}src/index.ts`).href);
  const rules = source.createClassifier().rules.map((rule) => ({
    id: rule.id,
    example: rule.example,
    commands: rule.commands,
  }));
  const list = inputs(rules);
  process.stdout.write(JSON.stringify({ list, verdicts: classifyAll(source.classify, list) }));
}

async function compare() {
  for (const built of ['dist/index.js', 'dist/index.cjs']) {
    if (!existsSync(`${root}${built}`)) {
      console.error(`check-dist-parity: ${built} is missing; run \`pnpm build\` first`);
      process.exitCode = 1;
      return;
    }
  }

  const tsx = spawnSync(process.execPath, ['--import', 'tsx', self, '--emit-src'], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (tsx.status !== 0) {
    console.error(`check-dist-parity: classifying with src/ under tsx failed\n${tsx.stderr}`);
    process.exitCode = 1;
    return;
  }
  const { list, verdicts: expected } = JSON.parse(tsx.stdout);

  /** The fields the issue names first (they decide what an application does), then all the rest. */
  const primary = ['category', 'permanence', 'scope', 'suppressRecipient', 'rule'];
  const differences = [];
  let examples = 0;
  for (const [label] of list) if (label.startsWith('example of ')) examples++;

  const esm = await import(pathToFileURL(`${root}dist/index.js`).href);
  const cjs = createRequire(import.meta.url)(`${root}dist/index.cjs`);
  for (const [name, bundle] of [
    ['dist/index.js', esm],
    ['dist/index.cjs', cjs],
  ]) {
    // JSON round trip: compares exactly what src produced (undefined fields dropped the same way).
    const actual = JSON.parse(JSON.stringify(classifyAll(bundle.classify, list)));
    for (let index = 0; index < list.length; index++) {
      const want = expected[index];
      const got = actual[index];
      const fields = new Set([...primary, ...Object.keys(want), ...Object.keys(got)]);
      for (const field of fields) {
        const a = JSON.stringify(want[field]);
        const b = JSON.stringify(got[field]);
        if (a !== b) differences.push(`${name}: ${list[index][0]}: ${field} is ${b}, src says ${a}`);
      }
    }
  }

  if (differences.length > 0) {
    console.error(
      `check-dist-parity: the built bundle classifies differently from src/ (${differences.length}):`,
    );
    for (const line of differences.slice(0, 50)) console.error(`  ${line}`);
    process.exitCode = 1;
    return;
  }
  console.log(
    `check-dist-parity: dist/index.js and dist/index.cjs classify all ${list.length} inputs (${list.length - examples} real replies, ${examples} rule examples) exactly like src/`,
  );
}

// The child writes a large JSON to a pipe: it ends by itself (process.exit could cut the output).
if (process.argv.includes('--emit-src')) await emitSource();
else await compare();
