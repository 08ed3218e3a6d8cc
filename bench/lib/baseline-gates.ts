/**
 * Gated failures (METHOD.md §3.2) in a form the SQL baseline can evaluate set-based.
 *
 * The worker scores a report with libs/questionnaire's compiled scorer: a question with
 * `scoreIfHidden: v` scores v when its own `visibleIf` hides it while its page and panels are visible
 * and its gate question is scored (or is itself a gated failure). Here the same rule is unfolded, per
 * questionnaire version, into
 *  - atoms: "answer of question Q matches one of the values V" — one bit each of a per-report mask;
 *  - clauses: for a gated item, the bits that must be set and those that must be clear. The item is a
 *    gated failure of a report iff it has no score of its own and one of its clauses holds. Clauses of
 *    one item are disjoint (the gate is either scored, or unscored and itself a failure), so at most
 *    one holds.
 * Conditions are parsed with survey-core's parser (as libs/questionnaire does) and must have the
 * simple forms the default citizen instrument uses: `{q} = 'v'`, `{q} anyof ['v', …]`,
 * `{q} contains 'v'`; the gate must be a single-choice or boolean question. Anything else is refused
 * with a message rather than approximated. Each derived atom is checked against survey-core's own
 * evaluation of the condition.
 */
import { ArrayOperand, BinaryOperand, ConditionRunner, ConditionsParser, Const, Variable } from 'survey-core';
import type { ItemSpec } from '@apertura/metric';
import { compileScoring, scoringDefinitionFor } from '@apertura/questionnaire';
import { questionsOf, walkQuestionnaire } from '@apertura/questionnaire/walk';
import type { WalkedElement } from '@apertura/questionnaire/walk';

export interface GateAtom {
  bit: number;
  /** Question name as stored in the answers. */
  question: string;
  values: string[];
  /** Array answers match when any element is one of the values (`anyof`, `contains`); `=` compares scalars only. */
  anyElement: boolean;
}

export interface GateClause {
  /** The gated item. */
  name: string;
  score: number;
  /** Bit masks over the atoms: all of `must` set, none of `mustNot`. */
  must: bigint;
  mustNot: bigint;
}

export interface QuestionnaireGates {
  /** Scored items of the version's scoring map (compileScoring(scoringDefinitionFor(definition)).items). */
  items: readonly ItemSpec[];
  atoms: GateAtom[];
  clauses: GateClause[];
}

/** Bits available in a bigint mask. */
const MAX_ATOMS = 63;

interface Literal {
  atom: GateAtom;
  positive: boolean;
}

function constValue(op: unknown, condition: string): string {
  if (!(op instanceof Const) || op instanceof Variable)
    throw new Error(`bench baseline: unsupported gate condition ${condition} (expected literal values)`);
  const v: unknown = op.correctValue;
  if (typeof v !== 'string' && typeof v !== 'number' && typeof v !== 'boolean')
    throw new Error(`bench baseline: unsupported literal in ${condition}`);
  return String(v);
}

export function deriveGates(definition: unknown): QuestionnaireGates {
  const json = scoringDefinitionFor(definition);
  const items = compileScoring(json).items;
  const walk = walkQuestionnaire(json);
  const questions = questionsOf(walk);
  const byLowerName = new Map(
    questions.filter((q) => q.name !== undefined).map((q) => [(q.name as string).toLowerCase(), q]),
  );
  const scoring = new Map(items.map((i) => [i.name, i.scoring]));
  const panels = walk.elements.filter((e) => e.role === 'panel');
  const atoms: GateAtom[] = [];
  const atomKey = new Map<string, GateAtom>();

  const atom = (question: string, values: string[], anyElement: boolean): GateAtom => {
    const sorted = [...new Set(values)].sort();
    const key = JSON.stringify([question, sorted, anyElement]);
    let a = atomKey.get(key);
    if (a === undefined) {
      if (atoms.length >= MAX_ATOMS)
        throw new Error(`bench baseline: more than ${MAX_ATOMS} gate atoms in one questionnaire`);
      a = { bit: atoms.length, question, values: sorted, anyElement };
      atoms.push(a);
      atomKey.set(key, a);
    }
    return a;
  };

  /** "visible" of a `visibleIf`, as one atom; checked against survey-core on the atom's own values. */
  const conditionAtom = (condition: string): GateAtom => {
    const op = new ConditionsParser().parseExpression(condition);
    if (!(op instanceof BinaryOperand) || !(op.leftOperand instanceof Variable))
      throw new Error(`bench baseline: unsupported gate condition ${condition}`);
    const variable = (op.leftOperand as Variable).variable.toLowerCase().replace(/-unwrapped$/, '');
    const question = byLowerName.get(variable)?.name;
    if (question === undefined) throw new Error(`bench baseline: condition ${condition} refers to no question`);
    const right: unknown = op.rightOperand;
    let a: GateAtom;
    if (op.operator === 'equal') a = atom(question, [constValue(right, condition)], false);
    else if (op.operator === 'contains') a = atom(question, [constValue(right, condition)], true);
    else if (op.operator === 'anyof' && right instanceof ArrayOperand)
      a = atom(
        question,
        right.values.map((v) => constValue(v, condition)),
        true,
      );
    else throw new Error(`bench baseline: unsupported operator ${op.operator} in ${condition}`);
    const runner = new ConditionRunner(condition);
    for (const v of a.values) {
      const asAnswer = a.anyElement ? [v] : v;
      if (runner.runValues({ [question]: asAnswer }) !== true)
        throw new Error(`bench baseline: ${condition} is not true for ${JSON.stringify(asAnswer)}`);
    }
    if (runner.runValues({}) === true || runner.runValues({ [question]: '\u0000none' }) === true)
      throw new Error(`bench baseline: ${condition} holds without its values`);
    return a;
  };

  const visibleIfOf = (j: Readonly<Record<string, unknown>>): string | boolean => {
    const c = j.visibleIf;
    if (typeof c === 'string' && c.trim() !== '') return c;
    return j.visible !== false;
  };

  /** Literals for "the page and every enclosing panel are visible"; null when one is hidden for good. */
  const containersVisible = (el: WalkedElement): Literal[] | null => {
    const page = walk.pages[el.page];
    const chain = [
      page?.json ?? {},
      ...panels
        .filter((p) => el.path.startsWith(`${p.path}.`))
        .sort((a, b) => a.path.length - b.path.length)
        .map((p) => p.json),
    ];
    const out: Literal[] = [];
    for (const j of chain) {
      const v = visibleIfOf(j);
      if (v === false) return null;
      if (typeof v === 'string') out.push({ atom: conditionAtom(v), positive: true });
    }
    return out;
  };

  /** "The gate question answers with a score" (the worker scores stored answers as they stand). */
  const scoredAtom = (question: string): GateAtom => {
    const s = scoring.get(question);
    if (s?.kind === 'choices') {
      return atom(
        question,
        Object.entries(s.scores)
          .filter(([, v]) => v !== null)
          .map(([k]) => k),
        false,
      );
    }
    if (s?.kind === 'boolean') return atom(question, ['true', 'false'], false);
    throw new Error(`bench baseline: gate ${question} must be a single-choice or boolean scored question`);
  };

  const byName = new Map(questions.map((q) => [q.name as string, q]));
  /**
   * Disjoint clauses under which `name` is a gated failure (its own unscored state is checked in SQL).
   * `path` breaks gate cycles: the worker's scorer establishes no failure around a cycle.
   */
  const failureClauses = (name: string, path: ReadonlySet<string>): Literal[][] => {
    const el = byName.get(name);
    if (el === undefined || path.has(name) || typeof el.json.scoreIfHidden !== 'number') return [];
    const own = el.json.visibleIf;
    if (typeof own !== 'string') return [];
    const containers = containersVisible(el);
    if (containers === null) return [];
    const ownVisible = conditionAtom(own);
    const gate = ownVisible.question;
    const base = [...containers, { atom: ownVisible, positive: false }];
    const gateScored = scoredAtom(gate);
    const next = new Set(path).add(name);
    return [
      [...base, { atom: gateScored, positive: true }],
      ...failureClauses(gate, next).map((c) => [...base, { atom: gateScored, positive: false }, ...c]),
    ];
  };

  const clauses: GateClause[] = [];
  for (const item of items) {
    const el = byName.get(item.name);
    const score = el?.json.scoreIfHidden;
    if (typeof score !== 'number') continue;
    for (const literals of failureClauses(item.name, new Set())) {
      let must = 0n;
      let mustNot = 0n;
      for (const l of literals) {
        if (l.positive) must |= 1n << BigInt(l.atom.bit);
        else mustNot |= 1n << BigInt(l.atom.bit);
      }
      if ((must & mustNot) !== 0n) continue; // contradictory: never holds
      clauses.push({ name: item.name, score, must, mustNot });
    }
  }
  return { items, atoms, clauses };
}
