// Kept for the tests that still import it from here: the one Redis starter lives in the testkit.
export { ensureRedis, type OwnRedis, redisUrl, startRedis } from '@mailverdict/testkit/redis';
