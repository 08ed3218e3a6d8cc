/**
 * The scoring compiler (METHOD.md §3.2): turns a questionnaire into a scorer of one submission.
 * Visible, answered items score as their scoring map says; a question with `scoreIfHidden: v`
 * hidden by its OWN `visibleIf` while every question that condition refers to (its gate) is visible
 * and scored — or is itself such a gated failure — scores v; everything else (hidden page or
 * panel, a gate answered "not applicable", unanswered) is left out.
 *
 * Conditions are parsed once per questionnaire with survey-core's ConditionRunner and evaluated on
 * the plain answer data, so scoring a report builds no survey Model: the worker scores every report
 * of a round with one compiled scorer per questionnaire version.
 */
import { ConditionRunner, ConditionsParser } from 'survey-core';
import { scoreItem } from '@apertura/metric';
import type { ItemSpec, ScoredAnswer } from '@apertura/metric';
import { childPath } from './json-guard';
import { issue, LintCode, QuestionnaireError } from './issues';
import type { LintIssue } from './issues';
import { deriveItem } from './scoring';
import { localized, own } from './types';
import { questionsOf, walkQuestionnaire } from './walk';
import type { WalkedElement } from './walk';

/** How an element's visibility is decided: fixed, or by its `visibleIf`. */
type Visibility = boolean | ConditionRunner;

interface CompiledItem {
  spec: ItemSpec;
  /** Page, then panels outermost first. */
  containers: Visibility[];
  own: Visibility;
  scoreIfHidden?: number;
  /** Indices (into the compiled items) of the gate questions of a `scoreIfHidden` item. */
  gates: number[];
}

/** survey-core: `visibleIf` wins over `visible` once evaluated; `visible: false` alone hides for good. */
function visibilityOf(json: Readonly<Record<string, unknown>>): Visibility {
  const cond = own(json, 'visibleIf');
  if (typeof cond === 'string' && cond.trim() !== '') return new ConditionRunner(cond);
  return own(json, 'visible') !== false;
}

/**
 * Lower-case names of the variables a condition refers to (`-unwrapped` stripped), or null when it
 * does not parse (lint reports that as Q_BAD_EXPRESSION).
 */
function conditionVariables(condition: string): string[] | null {
  const operand = new ConditionsParser().parseExpression(condition);
  if (!operand) return null;
  const variables: string[] = [];
  operand.setVariables(variables);
  return [...new Set(variables.map((v) => v.toLowerCase().replace(/-unwrapped$/, '')))];
}

/**
 * Checks that a `scoreIfHidden` question has a gate: a `visibleIf` whose every variable is a scored
 * question. Otherwise the gated failure could never be established and the property would be
 * silently ignored. `scored` holds the lower-case names of the scored questions.
 */
export function checkScoreIfHiddenGate(el: WalkedElement, scored: ReadonlySet<string>): LintIssue[] {
  if (own(el.json, 'scoreIfHidden') === undefined) return [];
  const path = childPath(el.path, 'scoreIfHidden');
  const cond = own(el.json, 'visibleIf');
  if (typeof cond !== 'string' || cond.trim() === '') {
    return [
      issue(
        LintCode.SCORE_IF_HIDDEN_WITHOUT_GATE,
        path,
        localized(
          '"scoreIfHidden" requiere un "visibleIf" propio que dependa de preguntas puntuadas (la compuerta).',
          '"scoreIfHidden" needs a "visibleIf" of its own that depends on scored questions (the gate).',
        ),
        el.name,
      ),
    ];
  }
  const variables = conditionVariables(cond);
  if (variables === null) return [];
  const unscored = variables.filter((v) => !scored.has(v));
  if (variables.length > 0 && unscored.length === 0) return [];
  return [
    issue(
      LintCode.SCORE_IF_HIDDEN_WITHOUT_GATE,
      path,
      localized(
        variables.length === 0
          ? 'El "visibleIf" de una pregunta con "scoreIfHidden" debe referirse a preguntas puntuadas (la compuerta).'
          : `"scoreIfHidden" solo se aplica si cada pregunta de su "visibleIf" está puntuada; no lo están: ${unscored.map((v) => `{${v}}`).join(', ')}.`,
        variables.length === 0
          ? 'The "visibleIf" of a question with "scoreIfHidden" must refer to scored questions (the gate).'
          : `"scoreIfHidden" only applies when every question of its "visibleIf" is scored; these are not: ${unscored.map((v) => `{${v}}`).join(', ')}.`,
      ),
      el.name,
    ),
  ];
}

/** A questionnaire compiled for scoring: its scored items and the scorer of one submission. */
export class CompiledScoring {
  private constructor(
    /** Scored items in questionnaire order (what extractScoredItems returns). */
    readonly items: readonly ItemSpec[],
    private readonly compiled: readonly CompiledItem[],
  ) {}

  /**
   * Compiles a questionnaire. Throws QuestionnaireError instead of guessing when its structure, a
   * question's scoring metadata or a `scoreIfHidden` gate is broken (lint it first).
   */
  static of(json: unknown): CompiledScoring {
    const walk = walkQuestionnaire(json);
    if (walk.issues.length > 0) throw new QuestionnaireError(walk.issues);
    const problems: LintIssue[] = [];
    const derived: Array<{ el: WalkedElement; spec: ItemSpec; scoreIfHidden?: number }> = [];
    for (const el of questionsOf(walk)) {
      const d = deriveItem(el);
      problems.push(...d.issues);
      if (d.spec) derived.push({ el, spec: d.spec, scoreIfHidden: d.scoreIfHidden });
    }
    const index = new Map(derived.map((d, i) => [d.spec.name.toLowerCase(), i]));
    for (const d of derived) problems.push(...checkScoreIfHiddenGate(d.el, new Set(index.keys())));
    if (problems.length > 0) throw new QuestionnaireError(problems);

    const panels = walk.elements.filter((e) => e.role === 'panel');
    const compiled = derived.map(({ el, spec, scoreIfHidden }): CompiledItem => {
      const page = walk.pages[el.page];
      const enclosing = panels
        .filter((p) => el.path.startsWith(`${p.path}.`))
        .sort((a, b) => a.path.length - b.path.length);
      const containers = [page ? visibilityOf(page.json) : true, ...enclosing.map((p) => visibilityOf(p.json))];
      const item: CompiledItem = { spec, containers, own: visibilityOf(el.json), gates: [] };
      if (scoreIfHidden !== undefined) {
        item.scoreIfHidden = scoreIfHidden;
        const cond = own(el.json, 'visibleIf');
        item.gates = (typeof cond === 'string' ? (conditionVariables(cond) ?? []) : []).map(
          (v) => index.get(v) as number,
        );
      }
      return item;
    });
    return new CompiledScoring(
      derived.map((d) => d.spec),
      compiled,
    );
  }

  /**
   * Scores of one submission in questionnaire order: answered visible items as their map says,
   * unanswered items at their `scoreIfHidden` when they are gated failures; everything else is left
   * out. Ill-typed or unknown values score nothing.
   *
   * `storedAnswersVisible: true` scores every stored answer as it stands, as libs/metric
   * scoreAnswers does: right for data that went through validateSubmission (answers of hidden
   * questions already cleared), and it keeps the worker's numbers those of earlier computations.
   */
  score(data: Readonly<Record<string, unknown>>, opts: { storedAnswersVisible?: boolean } = {}): ScoredAnswer[] {
    const keepHidden = opts.storedAnswersVisible === true;
    // A plain copy: survey-core's runner reads it as a hash table and must not see a prototype chain.
    const values: Record<string, unknown> = Object.assign(Object.create(null) as Record<string, unknown>, data);
    const results = new Map<ConditionRunner, boolean>();
    const visible = (v: Visibility): boolean => {
      if (typeof v === 'boolean') return v;
      let r = results.get(v);
      if (r === undefined) {
        r = v.runValues(values) === true;
        results.set(v, r);
      }
      return r;
    };
    const memo = new Map<number, number | null>();
    const scoreAt = (i: number): number | null => {
      const known = memo.get(i);
      if (known !== undefined) return known;
      // Provisional null: a gate cycle (X gated by Y gated by X) establishes no failure.
      memo.set(i, null);
      const item = this.compiled[i] as CompiledItem;
      let s: number | null = null;
      if (keepHidden || (item.containers.every(visible) && visible(item.own)))
        s = scoreItem(item.spec.scoring, own(data, item.spec.name));
      if (
        s === null &&
        item.scoreIfHidden !== undefined &&
        item.containers.every(visible) &&
        !visible(item.own) &&
        item.gates.every((g) => scoreAt(g) !== null)
      ) {
        s = item.scoreIfHidden;
      }
      memo.set(i, s);
      return s;
    };
    const out: ScoredAnswer[] = [];
    this.compiled.forEach((item, i) => {
      const score = scoreAt(i);
      if (score === null) return;
      const { name, component, weight, verifiable } = item.spec;
      out.push({ name, component, weight, verifiable, score });
    });
    return out;
  }
}

/** Compiles a questionnaire for scoring (see CompiledScoring.of). */
export function compileScoring(json: unknown): CompiledScoring {
  return CompiledScoring.of(json);
}
