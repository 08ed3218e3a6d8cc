import { DomainError } from '../common/domain-error';

/** Errors of the validators' demographics (Spanish first). */
export const DemographicsErrors = {
  /** The round has no public results yet: its validators' profile is not published either. */
  profileNotPublished: (): DomainError =>
    new DomainError('NOT_FOUND', {
      es: 'El perfil de las personas validadoras se publica con los resultados de la ronda.',
      en: "The validators' profile is published with the round's results.",
    }),
};
