/** Token helpers live in libs/config (shared by the API and the worker). */
export { deriveToken, hashToken, safeEqual } from '@apertura/config';
