import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import type { OutboxEvent } from '@apertura/queue';

/**
 * Writes outbox events. Always called with the transaction's EntityManager, so an event exists if and
 * only if the change it announces was committed (DESIGN.md: outbox). The worker's relay does the rest.
 */
@Injectable()
export class OutboxService {
  async emit(manager: EntityManager, event: OutboxEvent): Promise<string> {
    const rows: Array<{ id: string }> = await manager.query(
      'INSERT INTO outbox_event (type, payload) VALUES ($1, $2::jsonb) RETURNING id',
      [event.type, JSON.stringify(event.payload)],
    );
    return String(rows[0].id);
  }

  /** Many events in one statement per 1,000 (round opening writes one per institution). */
  async emitMany(manager: EntityManager, events: OutboxEvent[]): Promise<void> {
    const chunk = 1000;
    for (let i = 0; i < events.length; i += chunk) {
      const part = events.slice(i, i + chunk);
      await manager.query(
        'INSERT INTO outbox_event (type, payload) SELECT t, p::jsonb FROM unnest($1::text[], $2::text[]) AS u(t, p)',
        [part.map((e) => e.type), part.map((e) => JSON.stringify(e.payload))],
      );
    }
  }
}
