import { CallFacts } from "./call-facts";
import type { RiskGuard } from "./compile-guard";
import type { CompiledRule, RuleEntry } from "./compile-rule";
import type { CallContext, MatchedRule } from "./types";

/**
 * The compiled rules filed so a call visits only those that can match it (ADR 038): by organization
 * (global rules plus the call's organization's), then by kind — procedure globs decided once per path,
 * amount rules by currency, resource rules by type, risk rules and conditions guarded by `risk > n`
 * by threshold; other conditions always run.
 * Every rule keeps its place in evaluation order, so matches come out exactly as a rule-by-rule pass
 * over the policies finds them (compile-index.property.test.ts).
 */
export interface RuleIndex {
  readonly global: ScopeRules;
  readonly organizations: ReadonlyMap<string, ScopeRules>;
}

/** Where a rule sits: its place in evaluation order, and the policy facts checked per call. */
export interface RulePlace {
  readonly order: number;
  readonly reportOnly: boolean;
  /** A per-user policy's user: the rule is skipped for every other user. */
  readonly userId: string | null;
}

interface Hit {
  readonly place: RulePlace;
  readonly matched: MatchedRule;
}

type Tested = { readonly place: RulePlace; readonly test: CompiledRule };

interface ScopeRules {
  readonly procedures: { readonly place: RulePlace; readonly matches: (path: string) => boolean; readonly hit: Hit }[];
  /** A memo, not state: which procedure rules match a path depends on the path alone. */
  readonly byPath: Map<string, readonly Hit[]>;
  readonly amountByCurrency: Map<string, Tested[]>;
  readonly amountAnyCurrency: Tested[];
  readonly resourceByType: Map<string, Tested[]>;
  readonly resourceAnyType: Tested[];
  /** Lowest threshold first: the first one the score misses ends the walk. */
  readonly riskByThreshold: { readonly minScore: number; readonly hit: Hit }[];
  readonly conditions: Tested[];
  /** Conditions that hold only above a risk score (compile-guard.ts), lowest bound first, `>=` before `>`. */
  readonly conditionsByRisk: (Tested & { readonly guard: RiskGuard })[];
}

// Paths come from the router, but the simulator takes any text: bounded so that cannot grow without end.
const PATH_LIMIT = 1000;

export function ruleIndexBuilder() {
  const global = emptyScope();
  const organizations = new Map<string, ScopeRules>();
  let order = 0;
  return {
    add(scope: { organizationId: string | null; userId: string | null; reportOnly: boolean }, entry: RuleEntry) {
      const place: RulePlace = { order: order++, reportOnly: scope.reportOnly, userId: scope.userId };
      let rules = global;
      if (scope.organizationId !== null) {
        rules = organizations.get(scope.organizationId) ?? emptyScope();
        organizations.set(scope.organizationId, rules);
      }
      fileRule(rules, place, entry);
    },
    build(): RuleIndex {
      for (const rules of [global, ...organizations.values()]) {
        rules.riskByThreshold.sort((a, b) => a.minScore - b.minScore);
        rules.conditionsByRisk.sort(
          (a, b) => a.guard.value - b.guard.value || Number(b.guard.inclusive) - Number(a.guard.inclusive),
        );
      }
      return { global, organizations };
    },
  };
}

function fileRule(rules: ScopeRules, place: RulePlace, entry: RuleEntry): void {
  switch (entry.kind) {
    case "procedure":
      rules.procedures.push({ place, matches: entry.matches, hit: { place, matched: entry.matched } });
      return;
    case "amount":
      // A rule without a currency (or an empty one) takes every currency, as amountTest does.
      if (entry.currency) listIn(rules.amountByCurrency, entry.currency).push({ place, test: entry.test });
      else rules.amountAnyCurrency.push({ place, test: entry.test });
      return;
    case "resource":
      if (entry.resource === "*") rules.resourceAnyType.push({ place, test: entry.test });
      else listIn(rules.resourceByType, entry.resource).push({ place, test: entry.test });
      return;
    case "risk":
      // NaN is refused by the rule schema; were one here, `risk >= NaN` never matches, so it is left out.
      if (!Number.isNaN(entry.minScore))
        rules.riskByThreshold.push({ minScore: entry.minScore, hit: { place, matched: entry.matched } });
      return;
    case "condition":
      if (entry.riskGuard) rules.conditionsByRisk.push({ place, test: entry.test, guard: entry.riskGuard });
      else rules.conditions.push({ place, test: entry.test });
      return;
  }
}

/** Every rule of the index that matches this call, enforced and report-only apart, each in evaluation order. */
export function collectMatches(
  index: RuleIndex,
  context: CallContext,
): { enforced: MatchedRule[]; reportOnly: MatchedRule[] } {
  const hits: Hit[] = [];
  const facts = new CallFacts(context);
  collectScope(index.global, context, facts, hits);
  const organization = context.organizationId === null ? undefined : index.organizations.get(context.organizationId);
  if (organization) collectScope(organization, context, facts, hits);
  if (!inOrder(hits)) hits.sort((a, b) => a.place.order - b.place.order);
  const enforced: MatchedRule[] = [];
  const reportOnly: MatchedRule[] = [];
  for (const hit of hits) (hit.place.reportOnly ? reportOnly : enforced).push(hit.matched);
  return { enforced, reportOnly };
}

// No closures are made per call here: tsx and esbuild wrap each in a naming helper, which costs more
// than the tests themselves (bench/engine.ts).
function collectScope(rules: ScopeRules, context: CallContext, facts: CallFacts, hits: Hit[]): void {
  const userId = context.userId;
  for (const hit of pathHits(rules, context.procedure)) if (appliesTo(hit.place, userId)) hits.push(hit);
  if (context.amount) {
    const sameCurrency = rules.amountByCurrency.get(context.amount.currency);
    if (sameCurrency) runTests(sameCurrency, facts, hits);
    runTests(rules.amountAnyCurrency, facts, hits);
  }
  if (context.resource) {
    const sameType = rules.resourceByType.get(context.resource.type);
    if (sameType) runTests(sameType, facts, hits);
    runTests(rules.resourceAnyType, facts, hits);
  }
  for (const { minScore, hit } of rules.riskByThreshold) {
    if (!(context.risk >= minScore)) break;
    if (appliesTo(hit.place, userId)) hits.push(hit);
  }
  runTests(rules.conditions, facts, hits);
  for (const condition of rules.conditionsByRisk) {
    const { value, inclusive } = condition.guard;
    if (!(context.risk > value || (inclusive && context.risk === value))) break;
    if (!appliesTo(condition.place, userId)) continue;
    const matched = condition.test(facts);
    if (matched) hits.push({ place: condition.place, matched });
  }
}

function appliesTo(place: RulePlace, userId: string): boolean {
  return place.userId === null || place.userId === userId;
}

function runTests(tests: readonly Tested[], facts: CallFacts, hits: Hit[]): void {
  const userId = facts.context.userId;
  for (const { place, test } of tests) {
    if (!appliesTo(place, userId)) continue;
    const matched = test(facts);
    if (matched) hits.push({ place, matched });
  }
}

function pathHits(rules: ScopeRules, path: string): readonly Hit[] {
  if (rules.procedures.length === 0) return NO_HITS;
  let hits = rules.byPath.get(path);
  if (!hits) {
    hits = rules.procedures.filter((rule) => rule.matches(path)).map((rule) => rule.hit);
    if (rules.byPath.size >= PATH_LIMIT) rules.byPath.clear();
    rules.byPath.set(path, hits);
  }
  return hits;
}

const NO_HITS: readonly Hit[] = [];

function inOrder(hits: readonly Hit[]): boolean {
  for (let i = 1; i < hits.length; i++) if (hits[i - 1]!.place.order > hits[i]!.place.order) return false;
  return true;
}

function emptyScope(): ScopeRules {
  return {
    procedures: [],
    byPath: new Map(),
    amountByCurrency: new Map(),
    amountAnyCurrency: [],
    resourceByType: new Map(),
    resourceAnyType: [],
    riskByThreshold: [],
    conditions: [],
    conditionsByRisk: [],
  };
}

function listIn<T>(map: Map<string, T[]>, key: string): T[] {
  let list = map.get(key);
  if (!list) map.set(key, (list = []));
  return list;
}
