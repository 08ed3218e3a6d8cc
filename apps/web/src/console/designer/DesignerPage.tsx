import { useState } from 'react';
import { Alert } from '../../shared/components';
import { useT } from '../../shared/i18n';
import { usePageTitle } from '../../shared/layout';
import { ConsoleNav } from '../ConsoleNav';
import type { Draft, Notice } from './designer-model';
import { Editor } from './Editor';
import { StartPanel } from './StartPanel';
import './designer.css';

/**
 * /consola/cuestionarios (guarantor admins): the questionnaire designer (issue #16, item 1). The
 * questionnaire is edited as sheet rows — one per question, the same columns as the spreadsheet
 * export — and converted, linted and previewed in the browser with the server's own code
 * (libs/questionnaire); saving sends the rows to the sheet import, which stores a NEW version.
 */
export default function DesignerPage() {
  const { t } = useT();
  usePageTitle(t('designer.title'));
  const [draft, setDraft] = useState<Draft | null>(null);
  // Every start (new, opened, copied, imported) is a fresh editor, even with the same slug.
  const [loads, setLoads] = useState(0);
  const [notice, setNotice] = useState<Notice | null>(null);

  return (
    <>
      <ConsoleNav />
      <header className="page-header">
        <h1>{t('designer.title')}</h1>
      </header>
      <p className="muted">{t('designer.intro')}</p>
      {notice && (
        <Alert kind="success">
          <p>{t(notice.key, notice.vars)}</p>
        </Alert>
      )}
      <StartPanel
        onStart={(d, message) => {
          setDraft(d);
          setLoads((n) => n + 1);
          setNotice(message ?? null);
        }}
      />
      {draft && <Editor key={loads} initial={draft} />}
    </>
  );
}
