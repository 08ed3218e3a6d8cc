import { Model } from 'survey-core';
import { INSTITUTION_V1, validateSubmission, registerAperturaProperties } from '@apertura/questionnaire';
import { INSTITUTION_V1_ANSWERS } from './libs/questionnaire/fixtures/sample-answers';
async function main() {
  registerAperturaProperties();
  for (let i = 0; i < 30; i++) await validateSubmission(INSTITUTION_V1, INSTITUTION_V1_ANSWERS, { mode: 'final' });
  let t = performance.now();
  for (let i = 0; i < 100; i++) await validateSubmission(INSTITUTION_V1, INSTITUTION_V1_ANSWERS, { mode: 'final' });
  console.log('validate ms', (performance.now() - t) / 100);
  t = performance.now();
  for (let i = 0; i < 100; i++) new Model(INSTITUTION_V1).dispose();
  console.log('model ms', (performance.now() - t) / 100);
}
main();
