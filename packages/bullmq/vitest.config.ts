import { packageTests } from '../../vitest.base';

// The race and fault tests each run 4 worker processes: one file at a time, so they do not load each other.
export default packageTests({ test: { fileParallelism: false } });
