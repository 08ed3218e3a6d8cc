import { useT } from '../i18n';

type Tone = 'neutral' | 'info' | 'success' | 'warning' | 'danger';

const TONES: Record<string, Tone> = {
  draft: 'neutral',
  open: 'success',
  closed: 'warning',
  published: 'info',
  none: 'neutral',
  submitted: 'success',
  pending: 'neutral',
  sent: 'info',
  opened: 'info',
  started: 'warning',
  revoked: 'danger',
  assigned: 'info',
  in_progress: 'warning',
  completed: 'success',
  expired: 'danger',
  confirmed: 'success',
  refuted: 'danger',
  unverifiable: 'warning',
};

/** A status as text with colour (colour is never the only cue). Unknown statuses show as is. */
export function StatusBadge({ status }: { status: string }) {
  const { maybe } = useT();
  return <span className={`badge badge-${TONES[status] ?? 'neutral'}`}>{maybe(`status.${status}`, status)}</span>;
}
