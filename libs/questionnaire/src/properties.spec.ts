import { Model, Serializer, surveyLocalization } from 'survey-core';
import { APERTURA_PROPERTIES, registerAperturaProperties, setAperturaDefaultLocale } from './properties';

describe('registerAperturaProperties', () => {
  it('is idempotent and registers every property', () => {
    registerAperturaProperties();
    expect(registerAperturaProperties()).toEqual([]);
    for (const { className, info } of APERTURA_PROPERTIES)
      expect(Serializer.findProperty(className, info.name as string)).toBeTruthy();
    // Inherited by the item classes SurveyJS actually instantiates.
    expect(Serializer.findProperty('checkboxitem', 'score')).toBeTruthy();
  });

  it('lets survey-core load and save the properties', () => {
    registerAperturaProperties();
    const json = {
      pages: [
        {
          name: 'p',
          elements: [
            {
              type: 'radiogroup',
              name: 'r',
              component: 'TG.AI',
              weight: 2,
              verifiable: true,
              choices: [
                { value: 'a', score: 0.5 },
                { value: 'b', notApplicable: true },
              ],
            },
            { type: 'text', inputType: 'number', name: 'n', component: 'TG.DA', scoreRange: [10, 0], scoreIfHidden: 0 },
            { type: 'text', inputType: 'url', name: 'e', evidenceFor: 'r' },
          ],
        },
      ],
    };
    const model = new Model(json);
    expect(model.jsonErrors).toBeFalsy();
    expect(model.toJSON()).toEqual(json);
    model.dispose();
  });

  it('setAperturaDefaultLocale makes "default" Spanish and "en" English', () => {
    const previous = surveyLocalization.defaultLocale;
    setAperturaDefaultLocale();
    const model = new Model({
      pages: [{ name: 'p', elements: [{ type: 'text', name: 'a', title: { default: 'Hola', en: 'Hello' } }] }],
    });
    const q = model.getQuestionByName('a');
    expect(q.title).toBe('Hola');
    model.locale = 'en';
    expect(q.title).toBe('Hello');
    model.dispose();
    surveyLocalization.defaultLocale = previous;
  });
});
