import { useEffect, useState } from 'react';
import type { Model } from 'survey-core';
import { useT } from '../shared/i18n';
import './page-counter.css';

const pagesOf = (model: Model) => ({ page: model.currentPageNo + 1, total: model.visiblePageCount });

/**
 * "Página 3 de 7" with a progress bar; announced politely when the page changes. Counts the pages
 * visible under the answers so far (a page behind a condition is counted once it applies).
 */
export function PageCounter({ model }: { model: Model }) {
  const { t } = useT();
  const [state, setState] = useState(() => pagesOf(model));
  useEffect(() => {
    const update = () => setState(pagesOf(model));
    update();
    model.onCurrentPageChanged.add(update);
    // Pages appear and disappear with answers (e.g. the participation pages).
    model.onPageVisibleChanged.add(update);
    return () => {
      model.onCurrentPageChanged.remove(update);
      model.onPageVisibleChanged.remove(update);
    };
  }, [model]);
  if (state.total <= 1) return null;
  const label = t('respond.pageOf', { page: state.page, total: state.total });
  return (
    <div className="page-counter">
      <p aria-live="polite" aria-atomic="true" className="page-counter-text" data-testid="page-counter">
        {label}
      </p>
      <progress max={state.total} value={state.page} aria-label={t('respond.pageProgress')} aria-valuetext={label} />
    </div>
  );
}
