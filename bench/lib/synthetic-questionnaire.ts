/**
 * A synthetic institution questionnaire of any size for national-scale benchmarks (the default
 * instrument has ~27 scored items; a real national instrument may have ~150). Deterministic: the
 * same item count always gives the same JSON. It mixes every scored question type Apertura
 * supports (yes/no, single choice with a "not applicable" option, multi-select, numeric range),
 * varies weights, marks about a quarter of the items verifiable with an evidence-URL question, and
 * must pass lintQuestionnaire like any questionnaire a guarantor uploads.
 */
import { COMPONENTS, lintQuestionnaire } from '@apertura/questionnaire';
import type { SurveyJson } from '@apertura/questionnaire';

const t = (es: string, en: string): { default: string; en: string } => ({ default: es, en });

type Element = Record<string, unknown>;

/** Item k of the questionnaire, the j-th of its component: type from k, weight and verifiability from j. */
function scoredItem(k: number, j: number, component: string): Element[] {
  const name = `q${String(k).padStart(3, '0')}_${component.replace('.', '_').toLowerCase()}`;
  const weight = 1 + (j % 3);
  const verifiable = j % 4 === 1;
  const base: Element = {
    name,
    title: t(`Pregunta ${k} (${component})`, `Question ${k} (${component})`),
    isRequired: true,
    component,
    weight,
  };
  let q: Element;
  switch (k % 4) {
    case 0:
      q = { type: 'boolean', ...base, labelTrue: t('Sí', 'Yes'), labelFalse: t('No', 'No') };
      break;
    case 1:
      q = {
        type: 'radiogroup',
        ...base,
        choices: [
          { value: 'completo', text: t('Completo', 'Complete'), score: 1 },
          { value: 'parcial', text: t('Parcial', 'Partial'), score: 0.5 },
          { value: 'minimo', text: t('Mínimo', 'Minimal'), score: 0.2 },
          { value: 'no', text: t('No', 'No'), score: 0 },
          { value: 'no_aplica', text: t('No aplica', 'Not applicable'), notApplicable: true },
        ],
      };
      break;
    case 2:
      q = {
        type: 'checkbox',
        ...base,
        choices: [
          { value: 'a', text: t('Opción A', 'Option A'), score: 0.4 },
          { value: 'b', text: t('Opción B', 'Option B'), score: 0.3 },
          { value: 'c', text: t('Opción C', 'Option C'), score: 0.2 },
          { value: 'd', text: t('Opción D', 'Option D'), score: 0.1 },
          { value: 'ninguna', text: t('Ninguna', 'None'), score: 0 },
        ],
      };
      break;
    default:
      q = {
        type: 'text',
        inputType: 'number',
        ...base,
        min: 0,
        max: 100,
        scoreRange: k % 8 === 3 ? [0, 100] : [100, 0],
      };
  }
  if (verifiable) q.verifiable = true;
  const out: Element[] = [q];
  if (verifiable) {
    out.push({
      type: 'text',
      inputType: 'url',
      name: `${name}_evidencia`,
      title: t('Enlace (URL) donde cualquier persona puede comprobarlo', 'Link (URL) where anyone can check it'),
      evidenceFor: name,
      placeholder: 'https://',
    });
  }
  return out;
}

/** An institution questionnaire with `items` scored questions spread evenly over the nine TG/PG components. */
export function syntheticInstitutionQuestionnaire(items: number): SurveyJson {
  const components = COMPONENTS.institution;
  const pages = components.map((component, c) => {
    const elements: Element[] = [];
    for (let k = c, j = 0; k < items; k += components.length, j++) elements.push(...scoredItem(k, j, component));
    return {
      name: `p_${component.replace('.', '_').toLowerCase()}`,
      title: t(`Componente ${component}`, `Component ${component}`),
      elements,
    };
  });
  pages.unshift({
    name: 'datos_generales',
    title: t('Datos de quien responde', 'Respondent'),
    elements: [
      {
        type: 'text',
        name: 'resp_cargo',
        title: t('Cargo de la persona que responde', 'Position of the person answering'),
        isRequired: true,
        maxLength: 200,
      },
    ],
  });
  const json = {
    title: t(`Autodiagnóstico sintético (${items} reactivos)`, `Synthetic self-report (${items} items)`),
    checkErrorsMode: 'onValueChanged',
    pages,
  } as unknown as SurveyJson;
  const lint = lintQuestionnaire(json, 'institution');
  if (!lint.ok)
    throw new Error(
      `synthetic questionnaire does not lint: ${lint.errors.map((e) => `${e.code} ${e.path}`).join('; ')}`,
    );
  return json;
}
