/**
 * The production worker (startWorker from apps/worker/src/main.ts) under the V8 sampling profiler,
 * for `npm run bench -- --profile`. On SIGUSR2 it writes the profile to BENCH_PROFILE_OUT and exits
 * (a plain --cpu-prof loses the profile: Nest's shutdown hook re-raises SIGTERM).
 */
import { writeFileSync } from 'fs';
import { Session } from 'inspector';
import { startWorker } from '../../apps/worker/src/main';

const out = process.env.BENCH_PROFILE_OUT;
if (!out) throw new Error('BENCH_PROFILE_OUT is required');
const session = new Session();
session.connect();
session.post('Profiler.enable', () => {
  session.post('Profiler.setSamplingInterval', { interval: 500 }, () => {
    session.post('Profiler.start', () => {
      startWorker().catch((err: unknown) => {
        console.error(err instanceof Error ? err.stack : err);
        process.exit(1);
      });
    });
  });
});
process.on('SIGUSR2', () => {
  session.post('Profiler.stop', (err, result) => {
    if (err) console.error(err);
    else writeFileSync(out, JSON.stringify(result.profile));
    process.exit(0);
  });
});
