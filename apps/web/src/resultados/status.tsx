import { useT } from '../shared/i18n';
import type { ResultStatus } from './api';

const LABELS: Record<ResultStatus, { es: string; en: string; tone: string }> = {
  conclusive: { es: 'Concluyente', en: 'Conclusive', tone: 'success' },
  caution: { es: 'Usar con cautela', en: 'Use with caution', tone: 'warning' },
  inconclusive: { es: 'No concluyente', en: 'Not conclusive', tone: 'danger' },
  not_validated: { es: 'Sin validación ciudadana', en: 'No citizen validation', tone: 'neutral' },
};

/** Conclusiveness as words and colour (never colour alone). */
export function ResultStatusBadge({ status }: { status: ResultStatus }) {
  const { pick } = useT();
  const label = LABELS[status] ?? LABELS.inconclusive;
  return (
    <span className={`badge badge-${label.tone}`} data-status={status}>
      {pick(label)}
    </span>
  );
}

export const STATUS_ORDER: ResultStatus[] = ['conclusive', 'caution', 'inconclusive', 'not_validated'];
export const statusLabel = (status: ResultStatus) => LABELS[status];
