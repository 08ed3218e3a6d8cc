import type { ValueLike } from './present';

/** A conclusive apertura-2 value with an interval, for the presentation specs; override what a case needs. */
export const specValue = (over: Partial<ValueLike> = {}): ValueLike => ({
  indicator: 'I',
  estimate: 0.5,
  se: 0.02,
  lo: 0.46,
  hi: 0.54,
  status: 'conclusive',
  reasons: [],
  methodId: 'mga-2017/apertura-2',
  methodVersion: '2.0.0',
  ...over,
});
