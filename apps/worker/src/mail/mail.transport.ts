import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { ENV, Env } from '@apertura/config';
import { EVENT_HEADER, SMTP_ENDPOINT, SmtpEndpoint } from './mail-catcher';
import type { MailContent } from './templates';

/**
 * Nodemailer over SMTP (SMTP_URL, or the development catcher), pooled so thousands of invitations
 * reuse a few connections.
 */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter: Transporter;

  constructor(
    @Inject(ENV) env: Env,
    @Inject(SMTP_ENDPOINT) private readonly endpoint: SmtpEndpoint,
  ) {
    this.transporter = nodemailer.createTransport(
      {
        url: endpoint.url,
        pool: true,
        maxConnections: 3,
        connectionTimeout: 10_000,
        greetingTimeout: 10_000,
        socketTimeout: 30_000,
      },
      { from: env.MAIL_FROM },
    );
  }

  /**
   * To the catcher, `eventId` travels in a header so a caught message can be tied to its delivery row
   * (and its guarantor); real recipients never see internal ids.
   */
  async send(to: string, content: MailContent, eventId?: string): Promise<void> {
    const headers: Record<string, string> = { 'Content-Language': 'es-MX, en' };
    if (eventId && this.endpoint.catcher) headers[EVENT_HEADER] = eventId;
    await this.transporter.sendMail({ to, subject: content.subject, text: content.text, html: content.html, headers });
  }

  async onModuleDestroy(): Promise<void> {
    this.transporter.close();
    await this.endpoint.close();
  }
}
