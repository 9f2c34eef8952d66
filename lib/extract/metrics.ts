// Decides what a number counts, from the noun right after it ("60 buses") or from
// metric keywords in the same clause ("more than 5,000 have fled").
import type { NumberMention } from './numbers';
import { matchesPhrase, type Token } from './tokens';
import type { MetricCue } from './types';

export const DEFAULT_METRIC_CUES: MetricCue[] = [
  {
    key: 'refugees',
    keywords: ['fled', 'flee', 'fleeing', 'refugee', 'refugees', 'crossed the border', 'crossed into', 'have crossed', 'had crossed', 'crossings', 'arrivals'],
  },
  {
    key: 'evacuees',
    keywords: ['evacuated', 'evacuees', 'evacuee', 'evacuation', 'were taken out', 'been taken out', 'were brought out', 'were rescued', 'humanitarian corridor'],
  },
  { key: 'buses', keywords: ['buses', 'bus', 'coaches', 'coach'], counts: 'things' },
];

const PEOPLE_NOUNS = new Set([
  'people', 'persons', 'residents', 'civilians', 'children', 'women', 'men', 'ukrainians', 'citizens', 'inhabitants',
  'families', 'passengers', 'students', 'foreigners', 'nationals', 'patients', 'orphans', 'individuals', 'migrants',
  'others', 'elderly', 'adults', 'mothers', 'pensioners',
]);
// Counted things that are not a tracked metric: the number is about something else.
const OTHER_NOUNS = new Set([
  'convoys', 'convoy', 'trains', 'train', 'trucks', 'lorries', 'cars', 'vehicles', 'corridors', 'routes', 'towns', 'cities',
  'villages', 'settlements', 'checkpoints', 'tonnes', 'flights', 'shelters', 'beds', 'meals', 'hospitals', 'schools',
  'homes', 'houses', 'apartments', 'buildings', 'soldiers', 'troops', 'casualties', 'deaths', 'dead', 'killed', 'wounded',
  'injured', 'bodies', 'tanks', 'missiles', 'rockets', 'strikes', 'points', 'sites', 'centres', 'centers', 'camps',
  'countries', 'nations', 'languages', 'staff', 'journalists', 'volunteers', 'doctors', 'workers', 'officials',
  'tons', 'packages', 'parcels', 'pets', 'dogs', 'cats', 'animals', 'places', 'spaces', 'rooms',
]);
const MODIFIERS = new Set([
  'more', 'other', 'additional', 'further', 'ukrainian', 'foreign', 'empty', 'civilian', 'local', 'displaced', 'new',
  'of', 'the', 'them', 'mostly', 'mainly', 'were', 'elderly', 'young', 'small', 'yellow', 'white', 'municipal', 'school',
  'city', 'red', 'cross', 'un', 'evacuation', 'extra', 'fleeing', 'frightened', 'exhausted',
]);
const FUNCTION_WORDS = new Set([
  'have', 'has', 'had', 'were', 'was', 'are', 'is', 'be', 'been', 'will', 'would', 'could', 'may', 'might', 'in', 'from',
  'to', 'on', 'at', 'by', 'for', 'since', 'into', 'out', 'and', 'or', 'who', 'that', 'which', 'a', 'an', 'now', 'so', 'had',
]);
// Forecasts and plans are not counts: "expect 2-3 million more to flee".
const PROJECTION_BEFORE = new Set(['expect', 'expects', 'expected', 'forecast', 'forecasts', 'predict', 'predicts', 'projected', 'plan', 'plans', 'planned', 'hope', 'hopes', 'aim', 'aims', 'prepare', 'preparing', 'could', 'would', 'might']);
const PROJECTION_AFTER = new Set(['could', 'would', 'will', 'might', 'may', 'expected', 'likely']);

function isProjection(tokens: Token[], mention: NumberMention): boolean {
  for (let i = mention.first - 1; i >= Math.max(0, mention.first - 4); i--) {
    if (tokens[i].kind === 'punct') break;
    if (PROJECTION_BEFORE.has(tokens[i].lower)) return true;
  }
  for (let i = mention.last + 1; i <= mention.last + 5 && i < tokens.length; i++) {
    if (tokens[i].kind === 'punct') break;
    if (PROJECTION_AFTER.has(tokens[i].lower)) return true;
    if (tokens[i].lower === 'to' && ['flee', 'leave', 'be', 'arrive'].includes(tokens[i + 1]?.lower ?? '')) return true;
  }
  return false;
}

// Predicates about harm: "20 people were killed and 5,000 fled" must not give 20 refugees.
const HARM_WORDS = new Set(['killed', 'died', 'dead', 'wounded', 'injured', 'missing', 'detained', 'arrested', 'hurt', 'trapped', 'remain', 'remained', 'stayed', 'stuck']);

export interface MetricMatch {
  metric: string;
  /** The keyword is the noun after the number ("5,000 refugees"), the strongest cue. */
  viaHead: boolean;
}

type HeadNoun = { kind: 'metric'; metric: string } | { kind: 'people' } | { kind: 'other' } | { kind: 'none' };

function keywordAt(tokens: Token[], i: number, metrics: MetricCue[]): MetricCue | null {
  for (const metric of metrics) {
    if (metric.keywords.some((keyword) => matchesPhrase(tokens, i, keyword.toLowerCase()))) return metric;
  }
  return null;
}

/** The noun the number counts: up to four words after it, skipping modifiers like "more" or "Ukrainian". */
export function headNoun(tokens: Token[], mention: NumberMention, metrics: MetricCue[]): HeadNoun {
  for (let i = mention.last + 1; i <= mention.last + 4 && i < tokens.length; i++) {
    const lower = tokens[i].lower;
    if (MODIFIERS.has(lower) && tokens[i + 1]?.kind === 'word') continue;
    const metric = keywordAt(tokens, i, metrics);
    if (metric) return { kind: 'metric', metric: metric.key };
    if (PEOPLE_NOUNS.has(lower)) return { kind: 'people' };
    if (OTHER_NOUNS.has(lower)) return { kind: 'other' };
    // "40 reception points": keep reading through an unknown noun modifier, stop at grammar words.
    if (tokens[i].kind !== 'word' || FUNCTION_WORDS.has(lower)) return { kind: 'none' };
  }
  return { kind: 'none' };
}

function isHarmPredicate(tokens: Token[], mention: NumberMention): boolean {
  for (let i = mention.last + 1; i <= mention.last + 6 && i < tokens.length; i++) {
    if (tokens[i].kind === 'punct' && tokens[i].text !== '-') return false;
    if (HARM_WORDS.has(tokens[i].lower)) return true;
  }
  return false;
}

/**
 * The metric a number counts, or null. clause is a token index range [from, to) of the number's
 * clause; heads are token indexes of keywords already claimed as another number's noun.
 */
export function classifyMetric(
  tokens: Token[],
  mention: NumberMention,
  clause: [number, number],
  metrics: MetricCue[],
  claimed: Set<number>,
): MetricMatch | null {
  if (isProjection(tokens, mention)) return null;
  const head = headNoun(tokens, mention, metrics);
  if (head.kind === 'metric') return { metric: head.metric, viaHead: true };
  if (head.kind === 'other') return null;
  if (mention.words && head.kind !== 'people' && !mention.vague) return null;
  if (isHarmPredicate(tokens, mention)) return null;

  const peopleMetrics = metrics.filter((metric) => (metric.counts ?? 'people') === 'people');
  let best: { metric: string; distance: number } | null = null;
  for (let i = clause[0]; i < clause[1]; i++) {
    if (i >= mention.first && i <= mention.last) continue;
    if (claimed.has(i)) continue;
    const metric = keywordAt(tokens, i, peopleMetrics);
    if (!metric) continue;
    const distance = i < mention.first ? mention.first - i : i - mention.last;
    if (!best || distance < best.distance) best = { metric: metric.key, distance };
  }
  return best ? { metric: best.metric, viaHead: false } : null;
}

/** Token index of the keyword that is this number's noun, so other numbers do not borrow it. */
export function headKeywordIndex(tokens: Token[], mention: NumberMention, metrics: MetricCue[]): number | null {
  for (let i = mention.last + 1; i <= mention.last + 4 && i < tokens.length; i++) {
    if (MODIFIERS.has(tokens[i].lower) && tokens[i + 1]?.kind === 'word') continue;
    return keywordAt(tokens, i, metrics) ? i : null;
  }
  return null;
}
