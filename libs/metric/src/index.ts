/**
 * @apertura/metric — the openness metric of METHOD.md as pure functions.
 * See libs/metric/README.md for the API, a hand-worked example and the interpretations made.
 */
export * from './items';
export * from './settings';
export * from './status';
export * from './needed';
export * from './estimate';
export * from './indicators';
export * from './components';
export * from './subindices';
export * from './uncertainty';
export * from './institution';
export * from './smalln';
export * from './aggregate';
export * from './bootstrap';
export * from './rng';
export * from './rank';
export * from './notice';
export * from './errors';
export { compareStrings, sortedBy, sortedKeys } from './order';
export * from './reasons-text';
export * from './commitments';
export * from './reweight';
