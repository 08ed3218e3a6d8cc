import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import nodemailer, { Transporter } from 'nodemailer';
import { ENV, Env } from '@apertura/config';
import type { MailContent } from './templates';

/** Nodemailer over SMTP (env.SMTP_URL), pooled so thousands of invitations reuse a few connections. */
@Injectable()
export class MailTransport implements OnModuleDestroy {
  private readonly transporter: Transporter;

  constructor(@Inject(ENV) env: Env) {
    this.transporter = nodemailer.createTransport(
      { url: env.SMTP_URL, pool: true, maxConnections: 3, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 },
      { from: env.MAIL_FROM },
    );
  }

  async send(to: string, content: MailContent): Promise<void> {
    await this.transporter.sendMail({ to, subject: content.subject, text: content.text, html: content.html, headers: { 'Content-Language': 'es-MX, en' } });
  }

  onModuleDestroy(): void {
    this.transporter.close();
  }
}
