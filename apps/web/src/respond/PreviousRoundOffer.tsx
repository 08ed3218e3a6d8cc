import { useEffect, useState } from 'react';
import type { Model } from 'survey-core';
import { Alert, Button } from '../shared/components';
import { useT } from '../shared/i18n';
import { respondApi, type PreviousRound } from './api';

/**
 * Offers the institution's answers to the previous round of the same guarantor as a starting point.
 * They are copied into the form (and so autosaved as a draft); nothing is ever submitted from here.
 */
export function PreviousRoundOffer({ token, model, onApplied }: { token: string; model: Model; onApplied(): void }) {
  const { t, dateTime } = useT();
  const [offer, setOffer] = useState<PreviousRound['previous']>(null);
  const [applied, setApplied] = useState<number | null>(null);

  useEffect(() => {
    const ctrl = new AbortController();
    respondApi.previous(token, ctrl.signal).then(
      (r) => setOffer(r.previous),
      () => setOffer(null), // only a convenience: the form works without it
    );
    return () => ctrl.abort();
  }, [token]);

  if (applied !== null) {
    return (
      <Alert kind="success">
        <p>{t('respond.previousApplied', { count: applied })}</p>
      </Alert>
    );
  }
  if (!offer) return null;

  const use = () => {
    const names = Object.keys(offer.data);
    const overwrites = names.some((n) => {
      const current: unknown = model.getValue(n);
      return current !== undefined && current !== null && current !== '';
    });
    if (overwrites && !window.confirm(t('respond.previousConfirm'))) return;
    for (const n of names) model.setValue(n, offer.data[n]);
    setApplied(names.length);
    onApplied();
  };

  return (
    <section className="card previous-round" aria-labelledby="previous-round-title">
      <h2 id="previous-round-title">{t('respond.previousTitle')}</h2>
      <p>{t('respond.previousBody', { round: offer.roundName, date: dateTime(offer.submittedAt) })}</p>
      <div className="actions">
        <Button variant="secondary" onClick={use}>
          {t('respond.previousUse')}
        </Button>
        <Button variant="secondary" onClick={() => setOffer(null)}>
          {t('respond.previousDismiss')}
        </Button>
      </div>
    </section>
  );
}
