// Core's README carries the category table by hand (nothing is generated at run time); this test keeps
// it honest against the defaults every verdict starts from (docs/taxonomy.md, "Categories").
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { categoryDefaults } from './taxonomy';

/** The package folder: the nearest one up from this file that holds a package.json. */
function packageDir(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('readme-categories.test: no package.json above this test');
    dir = parent;
  }
  return dir;
}

interface Row {
  readonly meaning: string;
  readonly permanence: string;
  readonly scope: string;
  readonly suppress: string;
  readonly change: string;
}

/** The rows of the table under "### Categories", keyed by category, with duplicates reported. */
function readTable(markdown: string): { rows: Map<string, Row>; duplicates: string[] } {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === '### Categories');
  if (start === -1) throw new Error('README has no "### Categories" section');
  const rows = new Map<string, Row>();
  const duplicates: string[] = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break;
    if (!line.startsWith('| `')) continue;
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    const category = cells[0]?.replaceAll('`', '') ?? '';
    const [, meaning = '', permanence = '', scope = '', suppress = '', change = ''] = cells;
    if (rows.has(category)) duplicates.push(category);
    rows.set(category, { meaning, permanence, scope, suppress, change });
  }
  return { rows, duplicates };
}

const { rows, duplicates } = readTable(readFileSync(join(packageDir(), 'README.md'), 'utf8'));
const defaults = Object.entries(categoryDefaults);
const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

describe('README category table', () => {
  it('lists every category once and nothing else', () => {
    expect(duplicates).toEqual([]);
    expect([...rows.keys()].sort()).toEqual(defaults.map(([category]) => category).sort());
  });

  it.each(defaults)(
    '%s: permanence, scope, suppress and change required match the code',
    (category, value) => {
      const row = rows.get(category);
      expect(row, `README has no row for ${category}`).toBeDefined();
      const followsClass = 'followsReplyClass' in value && value.followsReplyClass === true;
      expect(row?.permanence).toBe(followsClass ? `by reply class (${value.permanence})` : value.permanence);
      expect(row?.scope).toBe(value.scope);
      expect(row?.suppress).toBe(yesNo(value.suppressRecipient));
      expect(row?.change).toBe(yesNo(value.changeRequired));
      expect(row?.meaning).not.toBe('');
    },
  );
});
