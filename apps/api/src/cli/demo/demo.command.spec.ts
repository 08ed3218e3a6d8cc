import { demoPassword, parseDemoArgs } from './demo.command';
import { DEFAULT_DEMO_PASSWORD, DEFAULT_DEMO_SEED } from './seed-demo';

describe('parseDemoArgs', () => {
  it.each([
    [[], { ifEmpty: false, seed: DEFAULT_DEMO_SEED }],
    [['--if-empty'], { ifEmpty: true, seed: DEFAULT_DEMO_SEED }],
    [['--seed', '7', '--if-empty'], { ifEmpty: true, seed: 7 }],
    [['--seed=4294967295'], { ifEmpty: false, seed: 4294967295 }],
  ])('%p', (args, expected) => {
    expect(parseDemoArgs(args)).toEqual(expected);
  });

  it.each([[['--seed']], [['--seed', '-1']], [['--seed', '1.5']], [['--seed', '4294967296']], [['--force']]])(
    'refuses %p',
    (args) => {
      expect(() => parseDemoArgs(args)).toThrow();
    },
  );
});

describe('demoPassword', () => {
  it('DEMO_PASSWORD wins; production gets a random one; development the documented one', () => {
    expect(demoPassword({ NODE_ENV: 'production' }, 'my-own-demo-password')).toEqual({
      password: 'my-own-demo-password',
      known: false,
    });
    const prod = demoPassword({ NODE_ENV: 'production' }, undefined);
    expect(prod.known).toBe(false);
    expect(prod.password).not.toBe(DEFAULT_DEMO_PASSWORD);
    expect(prod.password.length).toBeGreaterThanOrEqual(12);
    expect(demoPassword({ NODE_ENV: 'development' }, undefined)).toEqual({
      password: DEFAULT_DEMO_PASSWORD,
      known: true,
    });
  });
});
