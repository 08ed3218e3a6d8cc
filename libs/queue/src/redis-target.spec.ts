import { redisOptionsOf } from './redis-target';

describe('redisOptionsOf (a single-server URL)', () => {
  it.each([
    ['redis://127.0.0.1:6379', { host: '127.0.0.1', port: 6379 }],
    ['redis://localhost', { host: 'localhost', port: 6379 }],
    ['redis://:s%40cret@redis.internal:6380/2', { host: 'redis.internal', port: 6380, password: 's@cret', db: 2 }],
    ['redis://user:pw@h:1/0', { host: 'h', port: 1, username: 'user', password: 'pw', db: 0 }],
    ['rediss://h:6380', { host: 'h', port: 6380, tls: {} }],
  ])('%s', (url, expected) => {
    expect(redisOptionsOf(url)).toEqual(expected);
  });

  it('refuses other schemes', () => {
    expect(() => redisOptionsOf('http://h')).toThrow(/not a Redis URL/);
  });
});
