import { MODULE_METADATA, SCOPE_OPTIONS_METADATA } from '@nestjs/common/constants';
import type { Type } from '@nestjs/common';
import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { QUEUES } from '@apertura/queue';
import { WORKER_FEATURES } from './features';
import { MailModule } from './mail/mail.module';
import { OutboxModule } from './outbox/outbox.module';
import { ProcessorsModule, WORKER_PROCESSORS } from './processors';

/** The queue a class's @Processor decorator names (Nest keeps it with the class's scope options). */
const queueOf = (cls: unknown): string | undefined =>
  (Reflect.getMetadata(SCOPE_OPTIONS_METADATA, cls as object) as { name?: string } | undefined)?.name;

/** Every `@Processor(…) export class X` in the worker's sources. */
function processorClassNames(dir: string): string[] {
  const names: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) names.push(...processorClassNames(path));
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.spec.ts'))
      for (const m of readFileSync(path, 'utf8').matchAll(/@Processor\([^)]*\)\s*export class (\w+)/g))
        names.push(m[1]);
  }
  return names;
}

describe('the worker’s processor table (WORKER_QUEUES)', () => {
  it('lists every processor of the worker once, under the queue its decorator names', () => {
    const listed = WORKER_PROCESSORS.map((p) => p.processor.name);
    expect([...listed].sort()).toEqual(processorClassNames(__dirname).sort());
    expect(new Set(listed).size).toBe(listed.length);
    for (const p of WORKER_PROCESSORS) expect(queueOf(p.processor)).toBe(p.queue);
  });

  it('no feature module registers a processor itself (it would consume its queue in every process)', () => {
    for (const module of [...WORKER_FEATURES, MailModule, OutboxModule]) {
      const providers = (Reflect.getMetadata(MODULE_METADATA.PROVIDERS, module) ?? []) as unknown[];
      expect(providers.filter((p) => queueOf(p) !== undefined)).toEqual([]);
    }
  });

  it('registers the processors of the consumed queues, with the modules they draw on', () => {
    const areasOnly = ProcessorsModule.forQueues(new Set([QUEUES.areas]));
    expect((areasOnly.providers as Type<unknown>[]).map((p) => p.name)).toEqual(['AreaProcessor']);
    expect((areasOnly.imports as Type<unknown>[]).map((m) => m.name)).toEqual(['MetricModule']);
    const mail = ProcessorsModule.forQueues(new Set([QUEUES.mail]));
    expect((mail.providers as Type<unknown>[]).map((p) => p.name)).toEqual([
      'MailProcessor',
      'RefutationNoticeProcessor',
      'ValidatorMailProcessor',
    ]);
    const every = ProcessorsModule.forQueues(new Set(Object.values(QUEUES)));
    expect(every.providers).toHaveLength(WORKER_PROCESSORS.length);
  });
});
