// Every ```ts block of the README type-checks under --strict (the helper lives in the testkit's sources).
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { readmeTypeErrors } from '../../testkit/src/readme/readme-type-errors';

it('every ```ts block of the README type-checks under --strict', () => {
  const { blocks, errors } = readmeTypeErrors(fileURLToPath(new URL('../', import.meta.url)));
  expect(blocks).toBeGreaterThan(0);
  expect(errors).toEqual([]);
}, 120_000);
