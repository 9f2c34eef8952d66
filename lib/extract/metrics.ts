// Decides what a number counts. Three signals, read from the tagged tokens (language.ts):
// 1. the noun the number counts ("60 buses", "1,151 civilian deaths"), which wins;
// 2. the predicate of the number's clause, by lemma, so "were killed", "had been killed" and
//    "killed 12 people" all read as kill, and "have fled", "fleeing" as flee;
// 3. what the predicate says about the count: a plan or forecast ("could be evacuated", "aims to
//    get … out"), harm other than death ("wounded 13"), people still trapped or waiting, a daily
//    rate ("a day"), a sub-group ("among them 42 children") are not figures.
import { isOnwardMove } from './onward';
import type { NumberMention } from './numbers';
import type { Token } from './tokens';
import type { MetricCue } from './types';

export const DEFAULT_METRIC_CUES: MetricCue[] = [
  {
    key: 'refugees',
    keywords: [
      'refugee', 'refugees', 'flee', 'fled', 'fleeing', 'cross', 'crossed', 'crossing', 'crossings', 'arrivals', 'entries', 'entered', 'enter',
      'taken in', 'take in', 'took in', 'host', 'hosts', 'hosting', 'registered', 'received', 'processed', 'passed through',
      'asylum seekers', 'sought refuge', 'found refuge', 'taken refuge', 'took refuge', 'found shelter', 'sought shelter', 'found safety', 'sought safety', 'seek safety', 'seek refuge',
      'welcomed', 'come across', 'came across', 'coming across', 'come through', 'came through', 'coming through',
    ],
  },
  {
    key: 'evacuees',
    keywords: [
      'evacuate', 'evacuated', 'evacuees', 'evacuee', 'evacuation', 'evacuations', 'were taken out', 'been taken out', 'taken out',
      'brought out', 'got out', 'get out', 'humanitarian corridor', 'humanitarian corridors', 'bused', 'bussed', 'ferried',
    ],
  },
  { key: 'buses', keywords: ['buses', 'bus', 'coaches', 'coach'], counts: 'things' },
  {
    key: 'civilian_deaths',
    keywords: ['kill', 'killed', 'killing', 'died', 'civilian deaths', 'deaths', 'death toll', 'dead', 'lives lost', 'lost their lives'],
  },
];

/** Movement verbs that fit refugees and evacuees alike: the places decide ("left Ukraine", "reached Zaporizhzhia"). */
export const MOVEMENT_LEMMAS = new Set(['leave', 'reach', 'arrive', 'make', 'carry', 'take', 'bring', 'travel', 'move', 'transport', 'go', 'be']);

const PEOPLE_NOUNS = new Set([
  'people', 'persons', 'person', 'residents', 'civilians', 'children', 'women', 'men', 'ukrainians', 'citizens', 'families',
  'passengers', 'students', 'foreigners', 'nationals', 'patients', 'orphans', 'individuals', 'migrants', 'others', 'elderly',
  'adults', 'mothers', 'pensioners', 'inhabitants', 'survivors', 'villagers', 'locals', 'those', 'evacuated',
  'man', 'woman', 'child', 'civilian', 'resident', 'boy', 'girl',
]);
// Counted things that are not a tracked metric: the number is about something else.
const OTHER_NOUNS = new Set([
  'convoys', 'convoy', 'trains', 'train', 'trucks', 'lorries', 'cars', 'vehicles', 'corridors', 'routes', 'towns', 'cities',
  'villages', 'settlements', 'checkpoints', 'tonnes', 'flights', 'shelters', 'beds', 'meals', 'hospitals', 'schools',
  'homes', 'houses', 'apartments', 'buildings', 'soldiers', 'troops', 'servicemen', 'marines', 'fighters', 'casualties',
  'wounded', 'injured', 'bodies', 'tanks', 'missiles', 'rockets', 'strikes', 'points', 'sites', 'centres', 'centers', 'camps',
  'countries', 'nations', 'languages', 'staff', 'journalists', 'volunteers', 'doctors', 'workers', 'officials', 'tons',
  'packages', 'parcels', 'pets', 'dogs', 'cats', 'animals', 'places', 'spaces', 'rooms', 'calls', 'applications', 'visas',
  'seats', 'passengers', 'km', 'kilometres', 'miles', 'hours', 'days', 'minutes', 'shells', 'attacks', 'drones', 'aircraft',
  'planes', 'helicopters', 'ships', 'boats', 'blankets', 'kits', 'litres', 'doses', 'meters', 'metres', 'people-carriers',
  'minibuses', 'ambulances', 'wagons', 'carriages', 'queue', 'crossings-points', 'border', 'sq', 'square',
]);
// Harm counted together: killed and injured, or injured alone.
const CASUALTY_NOUNS = new Set(['casualties', 'injured', 'wounded', 'losses']);
// Words between the number and the noun it counts: "46 more civilians", "50 yellow school buses".
const MODIFIERS = new Set([
  'more', 'other', 'additional', 'further', 'ukrainian', 'foreign', 'empty', 'civilian', 'local', 'new', 'of', 'the', 'them',
  'mostly', 'mainly', 'elderly', 'young', 'small', 'yellow', 'white', 'municipal', 'school', 'city', 'red', 'cross', 'un',
  'evacuation', 'extra', 'fleeing', 'frightened', 'exhausted', 'private', 'own', 'their', 'its', 'whom',
]);
// Sub-groups: the count of a part is not the metric ("among them 42 children").
const SUBGROUP_NOUNS = new Set(['children', 'women', 'men', 'orphans', 'minors', 'babies', 'infants', 'girls', 'boys', 'pensioners', 'mothers', 'child', 'boy', 'girl']);

// Plans, forecasts, capacity and wishes: not a count of what happened.
const DOCUMENTS = new Set(['visas', 'visa', 'permits', 'permit', 'numbers', 'passports', 'documents', 'cards']);
const MODAL_LEMMAS = new Set(['could', 'would', 'will', 'might', 'may', 'can', 'shall', 'should', 'must']);
const PLAN_LEMMAS = new Set([
  'expect', 'forecast', 'predict', 'project', 'plan', 'hope', 'aim', 'prepare', 'seek', 'target', 'want', 'need', 'intend',
  'try', 'attempt', 'promise', 'pledge', 'support',
]);
// Predicates that say something other than the metric happened to the people counted.
const NEGATIVE_LEMMAS = new Set([
  'wound', 'injure', 'hurt', 'trap', 'strand', 'wait', 'queue', 'stick', 'shelter', 'hide', 'detain', 'arrest', 'miss',
  'return', 'apply', 'displace', 'stay', 'remain', 'besiege', 'hospitalize', 'hospitalise', 'treat', 'rescue-pending',
  'sign', 'volunteer', 'kidnap', 'deport', 'abduct', 'capture', 'lack', 'live', 'face', 'await', 'seek', 'deny', 'refuse',
]);
const HOSTED_PARTICIPLES = new Set(['sheltered', 'hosted', 'housed', 'accommodated']);
const NEGATIVE_WORDS = new Set(['still', 'stranded', 'trapped', 'internally', 'waiting', 'remain', 'remained', 'remaining']);
const RATE_WORDS = [['a', 'day'], ['per', 'day'], ['each', 'day'], ['every', 'day'], ['a', 'week'], ['per', 'week'], ['an', 'hour'], ['per', 'hour'], ['daily']];
// "were able to leave", "managed to get out": the infinitive is what happened, not a plan.
// "are estimated to have fled", "are believed to have left": reported, not planned.
const REALISED_BEFORE_TO = new Set(['able', 'managed', 'had', 'forced', 'allowed', 'estimated', 'believed', 'said', 'reported', 'thought', 'known']);

export interface MetricMatch {
  metric: string;
  /** The keyword is the noun the number counts ("5,000 refugees"), the strongest cue. */
  viaHead: boolean;
  /** The keyword was a movement verb ("left", "reached"): the places decide refugees or evacuees. */
  movement?: boolean;
}

export type HeadNoun =
  | { kind: 'metric'; metric: string; at: number }
  | { kind: 'people'; at: number; subgroup: boolean }
  | { kind: 'other'; at: number }
  | { kind: 'none' };

const lemmaOf = (t: Token | undefined) => t?.lemma ?? t?.lower ?? '';
// "have sought refuge in Poland", "found shelter in Germany": what happened, not a plan or a plight.
const REFUGE_WORDS = new Set(['refuge', 'shelter', 'safety', 'sanctuary', 'protection']);
const foundRefuge = (tokens: Token[], i: number) =>
  ['seek', 'find', 'take'].includes(lemmaOf(tokens[i])) && /(?:ought|ound|aken|ook)$/.test(tokens[i].lower) && REFUGE_WORDS.has(tokens[i + 1]?.lower ?? '');

type KeywordIndex = Map<string, Array<{ metric: MetricCue; words: string[] }>>;
const INDEXES = new WeakMap<MetricCue[], KeywordIndex>();

/** Keywords by first word, built once per metric list, so a long report is scanned quickly. */
function keywordIndex(metrics: MetricCue[]): KeywordIndex {
  let index = INDEXES.get(metrics);
  if (!index) {
    index = new Map();
    for (const metric of metrics) {
      for (const keyword of metric.keywords) {
        const words = keyword.toLowerCase().split(/\s+/).filter(Boolean);
        if (words.length === 0) continue;
        const list = index.get(words[0]) ?? [];
        list.push({ metric, words });
        index.set(words[0], list);
      }
    }
    INDEXES.set(metrics, index);
  }
  return index;
}

const PEOPLE_METRICS = new WeakMap<MetricCue[], MetricCue[]>();

/** Metrics that count people; "things" (buses) are assigned only by the noun after the number. */
function peopleMetricsOf(metrics: MetricCue[]): MetricCue[] {
  let people = PEOPLE_METRICS.get(metrics);
  if (!people) {
    people = metrics.filter((metric) => (metric.counts ?? 'people') === 'people');
    PEOPLE_METRICS.set(metrics, people);
  }
  return people;
}

/** The first metric (in list order) with a keyword starting at token i, matched on the word or its lemma. */
function keywordAt(tokens: Token[], i: number, metrics: MetricCue[]): MetricCue | null {
  const index = keywordIndex(metrics);
  const t = tokens[i];
  if (!t) return null;
  let best: MetricCue | null = null;
  const consider = (entries: Array<{ metric: MetricCue; words: string[] }> | undefined) => {
    if (!entries) return;
    for (const { metric, words } of entries) {
      let matches = true;
      for (let k = 0; k < words.length && matches; k++) {
        const token = tokens[i + k];
        matches = token !== undefined && (token.lower === words[k] || lemmaOf(token) === words[k]);
      }
      if (matches && (best === null || metrics.indexOf(metric) < metrics.indexOf(best))) best = metric;
    }
  };
  consider(index.get(t.lower));
  if (t.lemma && t.lemma !== t.lower) consider(index.get(t.lemma));
  return best;
}

/** The noun the number counts: a few words after it, skipping modifiers ("more", "Ukrainian", "of them"). */
export function headNoun(tokens: Token[], mention: NumberMention, metrics: MetricCue[]): HeadNoun {
  // "743 (727) injured": the previous report's value in brackets stands between the number and its noun.
  const bracketed = tokens[mention.last + 1]?.text === '(' && tokens[mention.last + 2]?.kind === 'number' && tokens[mention.last + 3]?.text === ')';
  const from = bracketed ? mention.last + 4 : mention.last + 1;
  for (let i = from; i <= from + 4 && i < tokens.length; i++) {
    const lower = tokens[i].lower;
    const metric = keywordAt(tokens, i, metrics);
    // "civilian deaths" is one keyword; a modifier must not hide it. In a compound the last noun
    // counts: "evacuation buses" are buses.
    // "all five of its crossings": crossing points, not people crossing.
    if (metric && tokens[i].lower === 'crossings' && ['its', 'their', 'the'].includes(tokens[i - 1]?.lower ?? '') && tokens[i - 2]?.lower === 'of') return { kind: 'other', at: i };
    if (metric && (tokens[i].pos === 'NOUN' || tokens[i].pos === 'ADJ' || tokens[i].pos === 'PROPN' || !tokens[i].pos || metric.counts === 'things')) {
      const next = tokens[i + 1];
      const compound = next?.kind === 'word' && next.pos === 'NOUN' && /^[a-z]/.test(next.text) && keywordAt(tokens, i, metrics) !== null;
      if (compound && i + 1 <= mention.last + 5) {
        const later = keywordAt(tokens, i + 1, metrics);
        if (later) return { kind: 'metric', metric: later.key, at: i + 1 };
        if (OTHER_NOUNS.has(next.lower)) return { kind: 'other', at: i + 1 };
      }
      return { kind: 'metric', metric: metric.key, at: i };
    }
    if (MODIFIERS.has(lower) && tokens[i + 1]?.kind === 'word') continue;
    if (PEOPLE_NOUNS.has(lower)) return { kind: 'people', at: i, subgroup: SUBGROUP_NOUNS.has(lower) };
    if (OTHER_NOUNS.has(lower)) return { kind: 'other', at: i };
    // "40 reception points": read through adjectives and noun modifiers, stop at grammar words.
    const pos = tokens[i].pos;
    if (tokens[i].kind === 'word' && (pos === 'ADJ' || (pos === 'NOUN' && tokens[i + 1]?.pos === 'NOUN'))) continue;
    if (tokens[i].kind === 'word' && pos === 'NOUN' && i === mention.last + 1) return { kind: 'other', at: i };
    return { kind: 'none' };
  }
  return { kind: 'none' };
}

/** "Some 1.5 million of the arrivals are children": the people counted are said to be a sub-group. */
export function namedSubgroup(tokens: Token[], mention: NumberMention): boolean {
  for (let i = mention.last + 1; i <= mention.last + 6 && i < tokens.length; i++) {
    if (tokens[i].kind === 'punct') return false;
    if (['are', 'were'].includes(tokens[i].lower)) return SUBGROUP_NOUNS.has(tokens[i + 1]?.lower ?? '');
  }
  return false;
}

/** Token index of the keyword that is this number's noun, so other numbers do not borrow it. */
export function headKeywordIndex(tokens: Token[], mention: NumberMention, metrics: MetricCue[]): number | null {
  const head = headNoun(tokens, mention, metrics);
  return head.kind === 'metric' ? head.at : null;
}

/** First verb after the number's noun phrase in its clause ("5,000 people were killed"). */
function verbAfter(tokens: Token[], from: number, clause: [number, number]): number | null {
  for (let i = from; i < clause[1] && i <= from + 8; i++) {
    const t = tokens[i];
    if (t.kind === 'punct' && !['—', '–', '-'].includes(t.text)) return null;
    if (t.kind === 'number') return null;
    // "have fled", "be evacuated": an auxiliary tagged as a verb is not the predicate.
    if (t.pos === 'VERB' && ['have', 'be'].includes(lemmaOf(t)) && tokens[i + 1]?.pos === 'VERB') continue;
    if (t.pos === 'VERB' && !SPEECH_LEMMAS.has(lemmaOf(t))) return i;
  }
  return null;
}

/** Nearest verb before the number in its clause ("killed 12 people", "has taken in 2.1 million"). */
function verbBefore(tokens: Token[], mention: NumberMention, clause: [number, number]): number | null {
  for (let i = mention.first - 1; i >= clause[0] && i >= mention.first - 6; i--) {
    const t = tokens[i];
    if (t.kind === 'punct' || t.kind === 'number') return null;
    if (t.pos === 'VERB' && !SPEECH_LEMMAS.has(lemmaOf(t))) return i;
    if (t.pos === 'VERB') return null;
  }
  return null;
}

// "said 312,000 had entered": a verb of saying frames the count, it does not govern it.
const SPEECH_LEMMAS = new Set(['say', 'tell', 'report', 'estimate', 'announce', 'add', 'show', 'write', 'state', 'note', 'claim', 'believe', 'think', 'suggest', 'indicate', 'reveal', 'warn', 'tweet', 'post']);

export interface Predicate {
  /** Token index of the verb governing the count, or null. */
  verb: number | null;
  /** The number is the verb's object ("killed 12"), not its subject ("12 were killed"). */
  object: boolean;
}

export function governingVerb(tokens: Token[], mention: NumberMention, clause: [number, number], metrics: MetricCue[]): Predicate {
  const head = headNoun(tokens, mention, metrics);
  const after = verbAfter(tokens, head.kind === 'none' ? mention.last + 1 : head.at + 1, clause);
  const before = verbBefore(tokens, mention, clause);
  // "killed 12 people" — the verb right before wins over a later one in a relative clause.
  if (before !== null && (after === null || mention.first - before <= 3)) return { verb: before, object: true };
  return { verb: after, object: false };
}

/** Why the count is not a figure of what happened, or null. */
export function notACount(tokens: Token[], mention: NumberMention, clause: [number, number], predicate: Predicate): string | null {
  // A plan or forecast: a modal or planning verb before the number, or right after it.
  for (let i = mention.first - 1; i >= clause[0] && i >= mention.first - 6; i--) {
    if (tokens[i].kind === 'punct') break;
    if (PLAN_LEMMAS.has(lemmaOf(tokens[i])) || (MODAL_LEMMAS.has(tokens[i].lower) && predicate.object)) return 'plan';
    if (tokens[i].lower === 'to' && tokens[i + 1]?.pos === 'VERB' && i + 1 < mention.first && !REALISED_BEFORE_TO.has(tokens[i - 1]?.lower ?? '')) return 'plan';
  }
  // "issued visas to 270,000 Ukrainians": documents handed out, not people counted.
  if (tokens[mention.first - 1]?.lower === 'to' && DOCUMENTS.has(tokens[mention.first - 2]?.lower ?? '')) return 'other';
  // "1,232 dead (1,189)", "3,167 (3,090 in the report a day earlier)": an earlier report's value in brackets after a count.
  if (tokens[mention.first - 1]?.text === '(' && tokens.slice(Math.max(0, mention.first - 4), mention.first - 1).some((t) => t.kind === 'number')) return 'other';
  // "Civilian casualties since February 24 stand at 3,455": a total of another count named as the verb's subject.
  const totalVerb = tokens[mention.first - 1]?.lower === 'at' || tokens[mention.first - 1]?.lower === 'to' ? mention.first - 2 : mention.first - 1;
  if ((tokens[totalVerb]?.pos === 'VERB' || ['stand', 'stands', 'stood'].includes(tokens[totalVerb]?.lower ?? '')) && ['stand', 'rise', 'reach', 'climb', 'total', 'grow', 'jump'].includes(lemmaOf(tokens[totalVerb])) && totalVerb > clause[0]) {
    const subject = tokens.slice(clause[0], totalVerb).find((t) => t.pos === 'NOUN' || CASUALTY_NOUNS.has(t.lower));
    if (subject && CASUALTY_NOUNS.has(subject.lower)) return 'negative';
  }
  // "up 40,200 from Friday's total", "an increase of 12,000": a change, not a count.
  if ((['up', 'down'].includes(tokens[mention.first - 1]?.lower ?? '') && tokens[mention.last + 1]?.lower === 'from') || (tokens[mention.first - 1]?.lower === 'of' && ['increase', 'rise', 'drop', 'decrease', 'fall'].includes(tokens[mention.first - 2]?.lower ?? ''))) return 'other';
  // "the number of Ukrainians applying for protection had reached 15,000": applicants, not arrivals.
  if (tokens.slice(clause[0], Math.min(clause[1], mention.last + 6)).some((t, k, words) => lemmaOf(t) === 'apply' && words[k + 1]?.lower === 'for')) return 'other';
  // "280,000 Ukrainians have been granted protection visas": people counted by the documents they were given.
  if (predicate.verb !== null && ['grant', 'issue', 'give'].includes(lemmaOf(tokens[predicate.verb])) && tokens.slice(predicate.verb + 1, predicate.verb + 4).some((t) => DOCUMENTS.has(t.lower) || t.lower === 'status')) return 'other';
  // "were killed or wounded", "killed and injured": casualties, not deaths alone.
  if (predicate.verb !== null && lemmaOf(tokens[predicate.verb]) === 'kill' && ['or', 'and'].includes(tokens[predicate.verb + 1]?.lower ?? '') && ['wound', 'injure', 'hurt'].includes(lemmaOf(tokens[predicate.verb + 2] ?? tokens[predicate.verb]))) return 'negative';
  // "left 34 civilians dead or wounded": casualties named after the people counted.
  for (let i = mention.last + 1; i <= mention.last + 4 && i < clause[1]; i++) {
    if (['dead', 'kill'].includes(lemmaOf(tokens[i])) && ['or', 'and'].includes(tokens[i + 1]?.lower ?? '') && ['wound', 'injure', 'hurt'].includes(lemmaOf(tokens[i + 2]))) return 'negative';
  }
  // "none of the 50 buses"
  if (tokens[mention.first - 1]?.lower === 'the' && tokens[mention.first - 2]?.lower === 'of' && ['none', 'neither'].includes(tokens[mention.first - 3]?.lower ?? '')) return 'negative';
  if (predicate.verb !== null) {
    const from = Math.min(predicate.verb, mention.last + 1);
    const to = Math.max(predicate.verb, mention.first - 1);
    for (let i = from; i <= to; i++) {
      if (i >= mention.first && i <= mention.last) continue;
      if (MODAL_LEMMAS.has(tokens[i].lower) || (PLAN_LEMMAS.has(lemmaOf(tokens[i])) && !foundRefuge(tokens, i))) return 'plan';
      if (NEGATIVE_WORDS.has(tokens[i].lower)) return 'negative';
    }
    const verb = tokens[predicate.verb];
    if (tokens[predicate.verb - 1]?.lower === 'to' && !predicate.object && !REALISED_BEFORE_TO.has(tokens[predicate.verb - 2]?.lower ?? '')) return 'plan';
    if (NEGATIVE_LEMMAS.has(lemmaOf(verb)) && !foundRefuge(tokens, predicate.verb)) return 'negative';
    // "have travelled on", "moved on", "have transited through Moldova": onward movement, not arrivals.
    if (isOnwardMove(tokens, predicate.verb)) return 'negative';
  }
  // "are stranded", "still inside", "trapped": a state word right after the noun phrase (not when the
  // number is the object of its verb: "killing 52 people who were waiting for trains").
  for (let i = mention.last + 1; i < clause[1] && i <= mention.last + 7 && !predicate.object; i++) {
    if (tokens[i].kind === 'punct') break;
    // "are still being sheltered in Moldova", "still hosted": people kept by a host are no plight.
    if (tokens[i].lower === 'still' && tokens.slice(i + 1, i + 3).some((t) => HOSTED_PARTICIPLES.has(t.lower))) continue;
    if (NEGATIVE_WORDS.has(tokens[i].lower)) return 'negative';
  }
  // "The daily number of arrivals has fallen to about 30,000": a rate named before the number.
  for (let i = Math.max(clause[0], mention.first - 10); i < mention.first; i++) {
    if (['daily', 'hourly', 'weekly'].includes(tokens[i].lower) && tokens.slice(i + 1, i + 4).some((t) => ['number', 'numbers', 'total', 'figure', 'arrivals', 'crossings', 'average', 'rate', 'flow', 'influx'].includes(t.lower))) return 'rate';
  }
  for (let i = mention.last + 1; i < clause[1] && i <= mention.last + 14; i++) {
    if (tokens[i].kind === 'punct' && tokens[i].text !== '-') break;
    // "in less than a week", "within a day" is the time it took, not a rate.
    if (RATE_WORDS.some((words) => words.every((w, k) => tokens[i + k]?.lower === w)) && !['than', 'in', 'within', 'for', 'over', 'past', 'last', 'under'].includes(tokens[i - 1]?.lower ?? '')) return 'rate';
  }
  return null;
}

/** "The number of Ukrainians in Germany has risen to 207,000": the people a total before the number counts. */
export function peopleCountedBefore(tokens: Token[], mention: NumberMention, clause: [number, number]): boolean {
  for (let i = clause[0]; i < mention.first - 2; i++) {
    if (!['number', 'total', 'tally'].includes(tokens[i].lower) || tokens[i + 1]?.lower !== 'of') continue;
    for (let k = i + 2; k <= i + 4 && k < mention.first; k++) if (PEOPLE_NOUNS.has(tokens[k].lower)) return true;
  }
  // "Refugees in Moldova now number about 100,000": people, then "number" or "total" as the verb right before it.
  const verb = tokens[mention.first - 1]?.lower === 'about' || tokens[mention.first - 1]?.lower === 'some' ? mention.first - 2 : mention.first - 1;
  if (['number', 'numbered', 'total', 'totalled', 'totaled'].includes(tokens[verb]?.lower ?? '') && tokens[verb - 1]?.lower !== 'the') {
    for (let i = clause[0]; i < verb && i < clause[0] + 6; i++) if (PEOPLE_NOUNS.has(tokens[i].lower)) return true;
  }
  return false;
}

// "figures show", "data showed": a body's counts, whatever the tagger makes of "show".
const DATA_NOUNS = new Set(['figures', 'data', 'statistics', 'numbers', 'tallies', 'counts']);
const SHOW_WORDS = new Set(['show', 'shows', 'showed', 'put', 'puts', 'indicate', 'indicated']);

/**
 * "An estimated 1.2 million are thought to be in Poland": a number with no noun, said to be in a place.
 * Also a count a body's figures show in a place ("UN figures show 2.05 million in Poland").
 */
export function isInPlace(tokens: Token[], mention: NumberMention): number | null {
  let k = mention.last + 1;
  // "UN figures show 2.05 million in Poland and 515,000 in Romania": counts a body's figures show, each in a place.
  if (tokens[k]?.lower === 'in' && tokens.slice(0, mention.first).some((t, i) => DATA_NOUNS.has(t.lower) && SHOW_WORDS.has(tokens[i + 1]?.lower ?? ''))) return k;
  if (!['are', 'were'].includes(tokens[k]?.lower ?? '')) return null;
  k++;
  if (['now', 'still', 'currently'].includes(tokens[k]?.lower ?? '')) k++;
  // "are thought to be", "are believed to be", "are estimated to be"
  if (['thought', 'believed', 'estimated'].includes(tokens[k]?.lower ?? '') && tokens[k + 1]?.lower === 'to' && tokens[k + 2]?.lower === 'be') k += 3;
  return tokens[k]?.lower === 'in' ? k : null;
}

/** "including 103 children", "among them 42 children", "about 21,000 of whom are children": a part of another figure. */
export function isSubfigure(tokens: Token[], mention: NumberMention): boolean {
  const before = tokens[mention.first - 1]?.lower ?? '';
  const twoBefore = tokens[mention.first - 2]?.lower ?? '';
  if (before === 'including' || (twoBefore === 'among' && before === 'them') || before === 'among') return true;
  // "…, out of whom 8,072 are Ukrainian citizens", "of whom approximately 8,800"
  if ((before === 'whom' || before === 'them') && twoBefore === 'of') return true;
  if (tokens[mention.last + 1]?.lower === 'of' && ['whom', 'them', 'those', 'these'].includes(tokens[mention.last + 2]?.lower ?? '')) return true;
  return false;
}

/**
 * The metric a number counts, or null. clause is a token index range [from, to) of the number's
 * clause; claimed holds token indexes of keywords already claimed as another number's noun.
 */
export function classifyMetric(
  tokens: Token[],
  mention: NumberMention,
  clause: [number, number],
  metrics: MetricCue[],
  claimed: Set<number>,
): MetricMatch | null {
  const head = headNoun(tokens, mention, metrics);
  if (head.kind === 'metric') return { metric: head.metric, viaHead: true };
  if (head.kind === 'other') return null;
  // Number words count only with a noun after them, so "one of them" is never a figure.
  const scaled = tokens.slice(mention.numberFirst, mention.numberLast + 1).some((t) => ['thousand', 'million', 'billion', 'hundred'].includes(t.lower));
  // "the death toll has risen to four": a number word as what a total rose to.
  const riseTo = ['to', 'at'].includes(tokens[mention.first - 1]?.lower ?? '') && ['rise', 'climb', 'reach', 'stand', 'jump', 'increase', 'grow'].includes(lemmaOf(tokens[mention.first - 2]));
  // "Shelling killed three": a number word right after a verb that names the metric.
  const objectOfCue =
    tokens[mention.first - 1]?.pos === 'VERB' && keywordAt(tokens, mention.first - 1, peopleMetricsOf(metrics)) !== null && tokens[mention.last + 1]?.lower !== 'of';
  if (mention.words && head.kind !== 'people' && !mention.vague && !scaled && !riseTo && !objectOfCue) return null;

  const peopleMetrics = peopleMetricsOf(metrics);
  // What rose to the number is named before the verb: "The death toll from … has risen to four".
  if (riseTo) {
    for (let i = clause[0]; i < mention.first - 2; i++) {
      const metric = keywordAt(tokens, i, peopleMetrics);
      if (metric) return { metric: metric.key, viaHead: false };
    }
  }
  const predicate = governingVerb(tokens, mention, clause, metrics);
  let movement = false;
  if (predicate.verb !== null) {
    const metric = keywordAt(tokens, predicate.verb, peopleMetrics);
    if (metric) return { metric: metric.key, viaHead: false };
    // "Volunteers drove 340 people from Hostomel to the capital": driving people is moving them, as its object only.
    movement = (MOVEMENT_LEMMAS.has(lemmaOf(tokens[predicate.verb])) && lemmaOf(tokens[predicate.verb]) !== 'be') || (predicate.object && lemmaOf(tokens[predicate.verb]) === 'drive');
  }
  let best: { metric: string; distance: number } | null = null;
  for (let i = clause[0]; i < clause[1]; i++) {
    if (i >= mention.first && i <= mention.last) continue;
    if (claimed.has(i)) continue;
    const metric = keywordAt(tokens, i, peopleMetrics);
    if (!metric) continue;
    const distance = i < mention.first ? mention.first - i : i - mention.last;
    if (!best || distance < best.distance) best = { metric: metric.key, distance };
  }
  if (best) return { metric: best.metric, viaHead: false };
  if (movement) return { metric: 'evacuees', viaHead: false, movement: true };
  // No keyword: a movement verb in the clause ("have arrived in Poland (over 756,000)"); the places decide.
  for (let i = clause[0]; i < clause[1]; i++) {
    // "have gone to Romania (476,000)": "go" only with where to.
    const goneTo = lemmaOf(tokens[i]) === 'go' && tokens[i + 1]?.lower === 'to' && /^[A-Z]/.test(tokens[i + 2]?.text ?? '');
    if (tokens[i].pos === 'VERB' && MOVEMENT_LEMMAS.has(lemmaOf(tokens[i])) && (goneTo || !['be', 'make', 'take', 'go'].includes(lemmaOf(tokens[i])))) {
      return { metric: 'evacuees', viaHead: false, movement: true };
    }
  }
  if (predicate.verb !== null && lemmaOf(tokens[predicate.verb]) === 'be' && head.kind === 'people') {
    return { metric: 'refugees', viaHead: false, movement: true };
  }
  return null;
}
