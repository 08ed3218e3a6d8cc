import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  checkMailTemplate,
  DEFAULT_MAIL_TEMPLATES,
  MAIL_TEMPLATE_KINDS,
  MAIL_TEMPLATE_LOCALES,
  MAIL_TEMPLATE_VARIABLES,
  MailTemplateKind,
  MailTemplateLocale,
  MailTemplatePair,
  MailTemplateText,
  normaliseTemplateText,
  renderMailTemplate,
  sampleTemplateValues,
} from '@apertura/db';
import { AuditService } from '../common/audit/audit.service';
import type { UserPrincipal } from '../common/principal';
import { MailErrors } from './mail.errors';
import { guarantorOf } from '../common/guarantor-of';
import {
  MailPreviewDto,
  MailTemplateDto,
  MailTemplateKeyDto,
  MailTemplateListDto,
  SaveMailTemplateDto,
} from './dto/mail.dto';
import { MailRepository } from './mail.repository';

/**
 * A guarantor's invitation and reminder texts (es, en): listed with the built-in ones where none is
 * saved, validated (only whitelisted variables, no markup), previewed with sample data exactly as the
 * worker renders them (libs/db/src/mail-template.ts), saved and reset with an audit entry.
 */
@Injectable()
export class MailTemplatesService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly repo: MailRepository,
    private readonly audit: AuditService,
  ) {}

  async list(actor: UserPrincipal): Promise<MailTemplateListDto> {
    const saved = await this.repo.templates(guarantorOf(actor));
    const items: MailTemplateDto[] = [];
    for (const kind of MAIL_TEMPLATE_KINDS) {
      for (const locale of MAIL_TEMPLATE_LOCALES) {
        const own = saved.find((t) => t.kind === kind && t.locale === locale);
        const text = own ?? DEFAULT_MAIL_TEMPLATES[kind][locale];
        items.push({
          kind,
          locale,
          subject: text.subject,
          body: text.body,
          custom: !!own,
          updatedAt: own ? own.updatedAt.toISOString() : null,
        });
      }
    }
    return { items, variables: [...MAIL_TEMPLATE_VARIABLES] };
  }

  /**
   * The whole message as it would leave with this text in its language and the guarantor's current
   * (or built-in) text in the other one, with sample values. Nothing is saved.
   */
  async preview(actor: UserPrincipal, dto: SaveMailTemplateDto): Promise<MailPreviewDto> {
    const guarantorId = guarantorOf(actor);
    const text = validated(dto);
    const pair = await this.pairOf(guarantorId, dto.kind);
    pair[dto.locale] = text;
    const name = await this.repo.guarantorName(guarantorId);
    return renderMailTemplate(dto.kind, pair, sampleTemplateValues(name, new Date()));
  }

  async save(actor: UserPrincipal, dto: SaveMailTemplateDto): Promise<MailTemplateDto> {
    const guarantorId = guarantorOf(actor);
    const text = validated(dto);
    return this.ds.transaction(async (m) => {
      const updatedAt = await this.repo.saveTemplate(m, guarantorId, actor.userId, {
        kind: dto.kind,
        locale: dto.locale,
        ...text,
      });
      await this.audit.record(m, actor, {
        action: 'mail.template.save',
        entityType: 'mail_template',
        entityId: `${dto.kind}:${dto.locale}`,
        guarantorId,
        details: { kind: dto.kind, locale: dto.locale, subject: text.subject },
      });
      return { kind: dto.kind, locale: dto.locale, ...text, custom: true, updatedAt: updatedAt.toISOString() };
    });
  }

  async reset(actor: UserPrincipal, dto: MailTemplateKeyDto): Promise<MailTemplateDto> {
    const guarantorId = guarantorOf(actor);
    return this.ds.transaction(async (m) => {
      const removed = await this.repo.deleteTemplate(m, guarantorId, dto.kind, dto.locale);
      if (removed) {
        await this.audit.record(m, actor, {
          action: 'mail.template.reset',
          entityType: 'mail_template',
          entityId: `${dto.kind}:${dto.locale}`,
          guarantorId,
          details: { kind: dto.kind, locale: dto.locale },
        });
      }
      return {
        kind: dto.kind,
        locale: dto.locale,
        ...DEFAULT_MAIL_TEMPLATES[dto.kind][dto.locale],
        custom: false,
        updatedAt: null,
      };
    });
  }

  private async pairOf(guarantorId: string, kind: MailTemplateKind): Promise<MailTemplatePair> {
    const pair: MailTemplatePair = { ...DEFAULT_MAIL_TEMPLATES[kind] };
    for (const t of await this.repo.templates(guarantorId))
      if (t.kind === kind) pair[t.locale as MailTemplateLocale] = { subject: t.subject, body: t.body };
    return pair;
  }
}

function validated(dto: SaveMailTemplateDto): MailTemplateText {
  const text = { subject: normaliseTemplateText(dto.subject).trim(), body: normaliseTemplateText(dto.body).trim() };
  const problem = checkMailTemplate(text);
  if (problem) throw MailErrors.templateProblem(problem);
  return text;
}
