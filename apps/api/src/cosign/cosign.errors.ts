import { DomainError } from '../common/domain-error';
import type { CosignParts } from './cosign.repository';

export const quorumNotMet = (details: {
  coSignQuorum: number;
  approvals: number;
  stale: number;
  objections: number;
  pending: number;
}): DomainError =>
  new DomainError(
    'COSIGN_QUORUM_NOT_MET',
    {
      es:
        `Esta ronda requiere la aprobación vigente de ${details.coSignQuorum} organización(es) co-firmante(s) y tiene ${details.approvals}. ` +
        `Aprobaciones desactualizadas: ${details.stale}; objeciones: ${details.objections}; sin decisión: ${details.pending}. ` +
        'Una aprobación queda desactualizada cuando cambian la configuración del método, el instrumento o los resultados.',
      en:
        `This round needs the current approval of ${details.coSignQuorum} co-signing organisation(s) and has ${details.approvals}. ` +
        `Stale approvals: ${details.stale}; objections: ${details.objections}; no decision yet: ${details.pending}. ` +
        'An approval goes stale when the method settings, the instrument or the results change.',
    },
    'coSignQuorum',
    details,
  );

export const fingerprintChanged = (current: CosignParts): DomainError =>
  new DomainError(
    'COSIGN_FINGERPRINT_CHANGED',
    {
      es: 'La ronda cambió desde que la revisó (configuración, instrumento o resultados). Revísela de nuevo antes de decidir.',
      en: 'The round changed since you reviewed it (settings, instrument or results). Review it again before deciding.',
    },
    'fingerprint',
    { current },
  );

export const decisionsClosed = (status: string): DomainError =>
  new DomainError(
    'COSIGN_DECISIONS_CLOSED',
    {
      es:
        status === 'published'
          ? 'La ronda ya se publicó: su registro de co-firmas es definitivo.'
          : 'Las decisiones de co-firma se registran cuando la ronda está cerrada y tiene resultados, antes de publicarla.',
      en:
        status === 'published'
          ? 'The round is published: its co-signature record is final.'
          : 'Co-signature decisions are taken once the round is closed and has results, before it is published.',
    },
    'status',
    { status },
  );

export const quorumLocked = (): DomainError =>
  new DomainError(
    'COSIGN_QUORUM_LOCKED',
    {
      es: 'El quórum de co-firma solo puede reducirse mientras la ronda es un borrador; puede aumentarse hasta publicarla.',
      en: 'The co-signing quorum can only be lowered while the round is a draft; it can be raised until publication.',
    },
    'coSignQuorum',
  );

export const cosignerHasDecided = (): DomainError =>
  new DomainError('COSIGNER_HAS_DECIDED', {
    es: 'Esta organización ya registró una decisión: permanece en la ronda y su decisión se publica.',
    en: 'This organisation already recorded a decision: it stays on the round and its decision is published.',
  });

export const reasonRequired = (): DomainError =>
  new DomainError(
    'COSIGN_REASON_REQUIRED',
    { es: 'Explique las razones de la objeción.', en: 'Give the reasons for the objection.' },
    'reason',
  );

export const cosignEmailTaken = (): DomainError =>
  new DomainError(
    'EMAIL_TAKEN',
    {
      es: 'Ese correo pertenece a otra cuenta que no es de co-firma de este organismo. Use otro correo para la organización.',
      en: "That address belongs to another account that is not one of this operator's co-signers. Use another address for the organisation.",
    },
    'email',
  );

export const alreadyCosigner = (): DomainError =>
  new DomainError(
    'CONFLICT',
    {
      es: 'Esa cuenta ya es co-firmante de esta ronda.',
      en: 'That account already co-signs this round.',
    },
    'email',
  );
