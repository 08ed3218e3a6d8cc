import { useEffect, useMemo } from 'react';
import { Survey } from 'survey-react-ui';
import { useT } from '../../shared/i18n';
import { createSurvey } from '../../shared/survey';

/**
 * The questionnaire as respondents see it: the same survey-core set-up, theme and sanitising as
 * RespondPage (shared/survey.ts). Rebuilt when the definition changes; answers typed here are not stored.
 */
export default function DesignerPreview({ definition }: { definition: Record<string, unknown> }) {
  const { lang } = useT();
  const model = useMemo(() => {
    try {
      return createSurvey({ definition, lang });
    } catch {
      // A definition survey-core cannot load yet (the linter says why): no preview until it can.
      return null;
    }
    // Language changes are applied below without rebuilding, so answers tried out in the preview survive.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- lang is applied to the live model below
  }, [definition]);
  useEffect(() => {
    if (model) model.locale = lang;
  }, [model, lang]);
  if (!model) return null;
  return (
    <div className="survey-frame designer-preview-frame" data-testid="designer-preview">
      <Survey model={model} />
    </div>
  );
}
