import { ProgressBar } from '../shared/components';
import { useT } from '../shared/i18n';
import type { Assignment } from './api';

/** How far along an assignment is: its verdicts and the citizen report (one step). */
export function AssignmentProgress({ assignment: a }: { assignment: Assignment }) {
  const { t } = useT();
  const done = a.progress.verdicts + (a.progress.reportSubmitted ? 1 : 0);
  return (
    <ProgressBar
      value={done}
      max={a.progress.claimsToCheck + 1}
      label={t('validator.progress')}
      detail={
        // A citizen-report-only task has no verdicts to count: never "0 of 0 verdicts".
        a.kind === 'claims'
          ? t('validator.progressDetail', {
              verdicts: a.progress.verdicts,
              claims: a.progress.claimsToCheck,
              report: a.progress.reportSubmitted ? t('common.yes') : t('common.no'),
            })
          : t('vwork.reportOnlyProgress', { report: a.progress.reportSubmitted ? t('common.yes') : t('common.no') })
      }
      tone={a.status === 'completed' ? 'success' : 'default'}
    />
  );
}
