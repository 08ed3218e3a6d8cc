import { Logger } from '@nestjs/common';
import type { AddressInfo } from 'net';
import type { Readable } from 'stream';
import type { DataSource } from 'typeorm';
import { Env, usesMailCatcher } from '@apertura/config';

/** Where the worker's mail transport sends, and how to stop it. */
export interface SmtpEndpoint {
  url: string;
  /** True when this is the embedded development catcher. */
  catcher: boolean;
  close(): Promise<void>;
}

export const SMTP_ENDPOINT = Symbol('SMTP_ENDPOINT');

/** Header naming the outbox event a message was sent for, so a caught message can be scoped to its guarantor. */
export const EVENT_HEADER = 'X-Apertura-Event';

/** Captures kept: enough for a development session, small enough that the table never matters. */
const KEEP_CAPTURES = 2000;

/** Every distinct http(s) link of a message, text first, in order of appearance. Pure. */
export function linksOf(text: string, html: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(/https?:\/\/[^\s<>"')\]]+/g)) found.push(m[0].replace(/[.,;:]+$/, ''));
  for (const m of html.matchAll(/href\s*=\s*"(https?:\/\/[^"]+)"/gi)) found.push(m[1].replace(/&amp;/g, '&'));
  return [...new Set(found)];
}

/**
 * The SMTP server the worker sends to: SMTP_URL, or — in development when it is empty or the default
 * local address — an embedded catcher (smtp-server, a development dependency, loaded only then) on a
 * free loopback port. Each caught message is stored in mail_capture, where the API lists it for staff,
 * and its links are logged, so nothing sent on a first run is lost and several workers share one list.
 */
export async function openSmtpEndpoint(env: Env, ds: DataSource): Promise<SmtpEndpoint> {
  if (!usesMailCatcher(env)) return { url: env.SMTP_URL, catcher: false, close: async () => undefined };
  const logger = new Logger('MailCatcher');
  const [{ SMTPServer }, { simpleParser }] = await Promise.all([import('smtp-server'), import('mailparser')]).catch(
    (err: unknown) => {
      throw new Error(
        `The development mail catcher needs the dev dependencies smtp-server and mailparser (npm ci without --omit=dev), or set SMTP_URL: ${String(err)}`,
      );
    },
  );

  const store = async (stream: Readable): Promise<void> => {
    const mail = await simpleParser(stream);
    const recipients = (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : [])
      .flatMap((a) => a.value.map((v) => v.address ?? ''))
      .filter(Boolean);
    const text = mail.text ?? '';
    const html = typeof mail.html === 'string' ? mail.html : '';
    const links = linksOf(text, html);
    const header = mail.headers.get(EVENT_HEADER.toLowerCase());
    const eventId = typeof header === 'string' && /^\d{1,18}$/.test(header.trim()) ? header.trim() : null;
    await ds.query(
      `INSERT INTO mail_capture (event_id, mail_from, recipients, subject, text_body, html_body, links) VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [
        eventId,
        mail.from?.value[0]?.address ?? null,
        recipients,
        (mail.subject ?? '').slice(0, 1000),
        text,
        html,
        links,
      ],
    );
    await ds.query(
      `DELETE FROM mail_capture WHERE id <= (SELECT id FROM mail_capture ORDER BY id DESC OFFSET $1 LIMIT 1)`,
      [KEEP_CAPTURES],
    );
    logger.log(
      `Caught mail to ${recipients.join(', ')}: «${mail.subject ?? ''}»${links.length ? ` — ${links.join(' ')}` : ''}`,
    );
  };

  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    size: 10 * 1024 * 1024,
    onData(stream, _session, callback) {
      store(stream).then(
        () => callback(),
        (err: unknown) => {
          logger.error(`could not store a caught mail: ${err instanceof Error ? err.message : String(err)}`);
          callback(Object.assign(new Error('451 could not store the message'), { responseCode: 451 }));
        },
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.server.address() as AddressInfo;
  logger.log(
    `No SMTP_URL: mail is caught locally and listed in the console (Correo / Mail); set SMTP_URL to deliver it.`,
  );
  return {
    url: `smtp://127.0.0.1:${port}`,
    catcher: true,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
