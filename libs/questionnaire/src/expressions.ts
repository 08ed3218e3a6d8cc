/**
 * Static checks of SurveyJS expressions (visibleIf, enableIf, requiredIf, validators, calculated
 * values, …) with survey-core's own parser, so lint accepts exactly what the engine can run.
 * Expression properties are found through survey-core's Serializer metadata (`isExpression`),
 * not a hand-kept list, so new expression properties in future versions are checked too.
 */
import { ConditionsParser, FunctionFactory, FunctionOperand, Serializer } from 'survey-core';
import type { Operand } from 'survey-core';
import { childPath } from './json-guard';
import { issue, LintCode } from './issues';
import type { LintIssue } from './issues';
import { isRecord, localized } from './types';
import type { JsonRecord } from './types';

/** Properties holding child elements; walk.ts visits those, so they are skipped here. */
const CONTAINER_KEYS: ReadonlySet<string> = new Set(['pages', 'elements', 'questions', 'templateElements']);
/** Variables survey-core resolves itself (SurveyModel.getBuiltInVariableValue, `{locale}`). */
const BUILT_IN_VARIABLES: ReadonlySet<string> = new Set([
  'locale',
  'pageno',
  'pagecount',
  'questioncount',
  'correctanswers',
  'correctedanswers',
  'correctedanswercount',
  'incorrectanswers',
  'incorrectedanswers',
  'incorrectedanswercount',
]);
/** `{item}` is the choice being filtered in these properties only. */
const ITEM_SCOPED_PROPERTIES: ReadonlySet<string> = new Set([
  'choicesVisibleIf',
  'choicesEnableIf',
  'rateValuesVisibleIf',
]);
/** Sub-objects (validators, choices, triggers…) nested deeper than this are not searched. */
const MAX_SITE_DEPTH = 6;

export interface ExpressionSite {
  path: string;
  /** Property holding the expression, e.g. `visibleIf` or `expression` (of a validator). */
  property: string;
  value: unknown;
  /** Question (or panel/page) the expression belongs to, for messages. */
  owner?: string;
}

/**
 * Collects every expression-valued property of `obj` (a SurveyJS object of class `className`)
 * and of its non-element sub-objects: validators, choices, triggers, calculated values, …
 */
export function collectExpressionSites(
  obj: JsonRecord,
  className: string,
  path: string,
  owner: string | undefined,
  out: ExpressionSite[],
  depth = 0,
): void {
  if (depth > MAX_SITE_DEPTH) return;
  for (const key of Object.keys(obj)) {
    if (CONTAINER_KEYS.has(key)) continue;
    const prop = Serializer.findProperty(className, key);
    if (!prop) continue;
    const value = obj[key];
    const p = childPath(path, key);
    if (prop.isExpression) {
      out.push({ path: p, property: key, value, owner });
      continue;
    }
    const itemClass = (item: JsonRecord): string | undefined => {
      const t = item['type'];
      if (typeof t === 'string') {
        const full = `${t}${prop.classNamePart ?? ''}`.toLowerCase();
        if (Serializer.findClass(full)) return full;
        if (Serializer.findClass(t)) return t.toLowerCase();
      }
      return prop.className && Serializer.findClass(prop.className) ? prop.className : undefined;
    };
    if (Array.isArray(value) && (prop.className || prop.baseClassName)) {
      value.forEach((item: unknown, i) => {
        if (!isRecord(item)) return;
        const cls = itemClass(item);
        if (cls) collectExpressionSites(item, cls, childPath(p, i), owner, out, depth + 1);
      });
    } else if (isRecord(value) && prop.className) {
      const cls = itemClass(value);
      if (cls) collectExpressionSites(value, cls, p, owner, out, depth + 1);
    }
  }
}

export interface ExpressionScope {
  /** Lower-case question and calculated-value names (SurveyJS resolves variables case-insensitively). */
  knownNames: ReadonlySet<string>;
}

/** True if a variable like `q1`, `q1.sub`, `q1[0]` or `q1-unwrapped` refers to a known name. */
function resolves(variable: string, scope: ExpressionScope, property: string): boolean {
  let v = variable.toLowerCase();
  if (v.endsWith('-unwrapped')) v = v.slice(0, -'-unwrapped'.length);
  if (BUILT_IN_VARIABLES.has(v) || v.startsWith('$survey.')) return true;
  if (ITEM_SCOPED_PROPERTIES.has(property) && (v === 'item' || v.startsWith('item.') || v.startsWith('item[')))
    return true;
  if (scope.knownNames.has(v)) return true;
  // Question names may contain dots, so try every known name as a prefix.
  for (const n of scope.knownNames) if (v.startsWith(`${n}.`) || v.startsWith(`${n}[`)) return true;
  return false;
}

/** Parses one expression; reports syntax errors (with position), unknown names and functions. */
export function checkExpressionSite(site: ExpressionSite, scope: ExpressionScope): LintIssue[] {
  const where = {
    es: site.owner ? ` (pregunta "${site.owner}", propiedad ${site.property})` : ` (propiedad ${site.property})`,
    en: site.owner ? ` (question "${site.owner}", property ${site.property})` : ` (property ${site.property})`,
  };
  if (typeof site.value !== 'string') {
    return [
      issue(
        LintCode.BAD_EXPRESSION,
        site.path,
        localized(`La expresión debe ser un texto${where.es}.`, `The expression must be a string${where.en}.`),
        site.owner,
      ),
    ];
  }
  const text = site.value;
  if (text.trim() === '') return [];
  // A fresh parser per expression: ConditionsParser keeps the last error on the instance.
  const parser = new ConditionsParser();
  const operand: Operand | null = parser.parseExpression(text);
  if (!operand) {
    const at = parser.error ? parser.error.at : 0;
    return [
      issue(
        LintCode.BAD_EXPRESSION,
        site.path,
        localized(
          `Expresión inválida cerca del carácter ${at + 1}: ${JSON.stringify(text)}${where.es}.`,
          `Invalid expression near character ${at + 1}: ${JSON.stringify(text)}${where.en}.`,
        ),
        site.owner,
      ),
    ];
  }
  const found: LintIssue[] = [];
  const variables: string[] = [];
  operand.setVariables(variables);
  for (const v of new Set(variables)) {
    if (resolves(v, scope, site.property)) continue;
    found.push(
      issue(
        LintCode.UNKNOWN_REFERENCE,
        site.path,
        localized(
          `La expresión usa {${v}}, que no es una pregunta del cuestionario${where.es}.`,
          `The expression uses {${v}}, which is not a question of the questionnaire${where.en}.`,
        ),
        site.owner,
      ),
    );
  }
  const operands: Operand[] = [operand];
  operand.addOperandsToList(operands);
  const reported = new Set<string>();
  for (const op of operands) {
    if (!(op instanceof FunctionOperand)) continue;
    const fn = op.functionName;
    if (reported.has(fn) || FunctionFactory.Instance.hasFunction(fn)) continue;
    reported.add(fn);
    found.push(
      issue(
        LintCode.UNKNOWN_FUNCTION,
        site.path,
        localized(
          `Función desconocida "${fn}" en la expresión${where.es}.`,
          `Unknown function "${fn}" in the expression${where.en}.`,
        ),
        site.owner,
      ),
    );
  }
  return found;
}
