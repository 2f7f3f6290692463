import { packageTests } from '../../vitest.base';

// The end-to-end tests start the built bin and a real Postfix: give them time.
export default packageTests({ test: { testTimeout: 120_000, hookTimeout: 300_000 } });
