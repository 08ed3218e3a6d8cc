import { Initial1763800000000 } from './1763800000000-initial';

/** Ordered list of migrations (explicit so builds and tests load the same set). */
export const MIGRATIONS = [Initial1763800000000];
