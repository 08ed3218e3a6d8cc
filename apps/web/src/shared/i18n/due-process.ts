import { dict } from './dict';

/** Strings of due process and no steering (issue #13); kept apart to avoid conflicts with other sections. */
export const dueProcessDict = dict(
  {
    'dueProcess.conflictReason': 'Motivo del conflicto de interés',
    'dueProcess.conflictReasonHint':
      'Obligatorio. Por ejemplo: «Trabajo en esta institución». Cada ronda admite un número limitado de conflictos.',
  },
  {
    'dueProcess.conflictReason': 'Reason for the conflict of interest',
    'dueProcess.conflictReasonHint':
      'Required. For example: "I work at this institution". Each round admits a limited number of conflicts.',
  },
);
