// Rules that reject numbers which are not displacement figures: distances, populations, ages,
// times of day, money, years, percentages, dates. Precision matters more than recall.
import type { NumberMention } from './numbers';
import { matchPhraseAt, matchPhraseEndingAt, type Token } from './tokens';

const MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
];
const UNITS_AFTER = [
  'per cent', 'percent', '%', 'km', 'kilometres', 'kilometers', 'kilometre', 'kilometer', 'miles', 'mile', 'metres', 'meters',
  'hours', 'hour', 'minutes', 'minute', 'days', 'day', 'weeks', 'week', 'months', 'month', 'years', 'year', 'year-old',
  'year-olds', 'tonnes', 'tons', 'tonne', 'kg', 'litres', 'liters', 'dollars', 'euros', 'pounds', 'hryvnias', 'hryvnia',
  'hryvnia', 'usd', 'eur', 'uah', 'zlotys', 'lei', 'am', 'pm', 'a.m', 'p.m', "o'clock", 'times', 'st', 'nd', 'rd', 'th', 'degrees', 'celsius', '°',
];
const MONEY_BEFORE = ['$', '€', '£', 'us$', 'usd', 'eur', 'uah'];
const POPULATION_BEFORE = [
  'population of', 'populations of', 'home to', 'town of', 'city of', 'country of', 'village of', 'nation of', 'region of',
  'port of', 'district of', 'oblast of', 'suburb of', 'community of', 'metropolis of', 'pre-war population of',
];
const MARKERS_BEFORE = ['aged', 'age', 'ages', 'no', 'number', 'route', 'highway', 'platform', 'gate', 'kilometre', 'km', 'minus', 'train', 'flight', 'resolution', 'decree', 'article'];
// Room for people, not people: "has room for 3,000 people", "space for 500".
const CAPACITY_BEFORE = ['room for', 'space for', 'spaces for', 'places for', 'beds for', 'capacity for', 'capacity of', 'enough for'];

// Number words of a share ("one in four", "every third").
const NUMBER_WORD = /^(?:one|two|three|four|five|six|seven|eight|nine|ten|a|every)$/;

/** "one in four Ukrainians", "1 in 10": a small number, "in", a number (either side of "in"). */
function isShare(tokens: Token[], mention: NumberMention): boolean {
  const small = (t: Token | undefined) => t !== undefined && ((t.kind === 'number' && /^\d{1,2}$/.test(t.text)) || NUMBER_WORD.test(t.lower));
  // "Nearly 1 in 10 Ukrainians": a share may be qualified, never a range.
  if (mention.qualifier === 'RANGE') return false;
  // The second number is the whole the share is of ("in four", "in 10"), never "in one strike".
  const whole = (t: Token | undefined) => small(t) && !['one', 'a', 'every', '1'].includes(t!.lower);
  if (mention.low <= 10n && tokens[mention.last + 1]?.lower === 'in' && whole(tokens[mention.last + 2]) && mention.numberFirst === mention.numberLast) return true;
  // "six out of 10": both numbers of the share.
  if (mention.low <= 10n && tokens[mention.last + 1]?.lower === 'out' && tokens[mention.last + 2]?.lower === 'of' && whole(tokens[mention.last + 3])) return true;
  if (tokens[mention.first - 1]?.lower === 'of' && tokens[mention.first - 2]?.lower === 'out' && small(tokens[mention.first - 3]) && mention.low >= 2n && mention.low <= 100n) return true;
  return tokens[mention.first - 1]?.lower === 'in' && small(tokens[mention.first - 2]) && mention.low >= 2n && mention.low <= 100n;
}

function isYearLike(token: Token): boolean {
  return /^(?:19|20)\d\d$/.test(token.text);
}

/** The reason a number phrase is not a figure, or null when it may be one. */
export function notAFigureReason(tokens: Token[], mention: NumberMention): string | null {
  const first = tokens[mention.numberFirst];
  const last = tokens[mention.numberLast];
  const before = tokens[mention.first - 1];
  const after = tokens[mention.last + 1];
  const afterNumber = tokens[mention.numberLast + 1];

  if (matchPhraseAt(tokens, mention.numberLast + 1, UNITS_AFTER) || (afterNumber && afterNumber.lower === '-' && tokens[mention.numberLast + 2]?.lower.startsWith('year'))) {
    return 'unit';
  }
  if (after && matchPhraseAt(tokens, mention.last + 1, UNITS_AFTER)) return 'unit';
  // "the 12-day siege", "a 24-hour ceasefire", "a 50-seat bus"
  if (afterNumber?.text === '-' && afterNumber.start === last.end && tokens[mention.numberLast + 2]?.kind === 'word') return 'unit';
  if (before && MONEY_BEFORE.includes(before.lower)) return 'money';
  if (first.kind === 'number' && tokens[mention.numberFirst - 1] && MONEY_BEFORE.includes(tokens[mention.numberFirst - 1].lower)) {
    return 'money';
  }
  // "home to 720,000 people" is a population; "home to 1.1 million Ukrainian refugees" is who it hosts.
  // "has become home to 100,000 Ukrainians", "is now home to …": a change, so people who came, not a population.
  const homeAt = tokens[mention.first - 1]?.lower === 'to' && tokens[mention.first - 2]?.lower === 'home' ? mention.first - 2 : -1;
  const becameHome = homeAt > 0 && (['become', 'became'].includes(tokens[homeAt - 1].lower) || tokens[homeAt - 1].lower === 'now');
  const hosted = becameHome || tokens.slice(mention.last + 1, mention.last + 4).some((t) => /^(?:refugees?|evacuees|arrivals|displaced)$/.test(t.lower));
  if (!hosted && (matchPhraseEndingAt(tokens, mention.first - 1, POPULATION_BEFORE) || populationAppositive(tokens, mention))) return 'population';
  // "Refugees in Moldova now number about 100,000": "number" as a verb, or before a qualifier, is no label.
  const numberVerb = before?.lower === 'number' && (before.pos === 'VERB' || mention.first !== mention.numberFirst);
  if (before && MARKERS_BEFORE.includes(before.lower) && !numberVerb) return 'label';
  if (matchPhraseEndingAt(tokens, mention.first - 1, CAPACITY_BEFORE)) return 'capacity';
  // "one in four Ukrainians", "1 in 10": a share, not a count.
  if (isShare(tokens, mention)) return 'share';
  // "decree No. 64/2022", "resolution 2/12": a document number.
  if (before?.text === '.' && MARKERS_BEFORE.includes(tokens[mention.first - 2]?.lower ?? '')) return 'label';
  if (afterNumber?.text === '/' && afterNumber.start === last.end && tokens[mention.numberLast + 2]?.kind === 'number') return 'label';
  if (isPhoneNumber(tokens, mention.numberFirst, mention.numberLast)) return 'phone';
  if (isTime(tokens, mention)) return 'time';
  // "Halyna, 81, said", "her granddaughter, 6, on the train": an age in apposition.
  if (before?.text === ',' && after?.text === ',' && mention.first === mention.numberFirst && tokens[mention.first - 2]?.kind === 'word' && /^\d{1,3}$/.test(first.text) && Number(first.text) < 120) return 'age';
  if (isDayOfMonth(tokens, mention)) return 'date';
  if (mention.numberFirst === mention.numberLast && isYearLike(first) && mention.qualifier === 'EXACT') return 'year';
  if (before && before.lower === '-' && before.start === first.start - 1 && tokens[mention.first - 2]?.kind === 'word') return 'label';
  if (last.text.includes('.') && mention.numberFirst === mention.numberLast && !/[mk]$/.test(last.text)) return 'decimal';
  return null;
}

// "a town of about 250,000": the qualifier sits between "of" and the number.
function populationAppositive(tokens: Token[], mention: NumberMention): boolean {
  if (mention.first === mention.numberFirst) return false;
  return matchPhraseEndingAt(tokens, mention.first - 1, POPULATION_BEFORE) !== null;
}

/**
 * "+48 47 721 75 75", "call 112", "…, or 112": a telephone number. Groups of digits with only spaces
 * between them, or after a plus sign, are read as a number to call; so is a number offered as the
 * alternative to one.
 */
function isPhoneNumber(tokens: Token[], first: number, last: number): boolean {
  const spaced = (a: Token | undefined, b: Token | undefined) => a?.kind === 'number' && b?.kind === 'number' && b.start - a.end === 1;
  const plus = (k: number) => tokens[k - 1]?.text === '+' && tokens[k - 1].end === tokens[k].start;
  // The groups around it: "+48 47 721 75 75" is one number of several groups (a date's year
  // before a count, "8 March 2022 1,200 people", is two groups and no telephone number).
  let from = first;
  while (spaced(tokens[from - 1], tokens[from])) from--;
  let to = last;
  while (spaced(tokens[to], tokens[to + 1])) to++;
  if (plus(from) || first - from + to - last >= 2) return true;
  if (['call', 'dial', 'ring', 'hotline', 'helpline'].includes(tokens[first - 1]?.lower ?? '')) return true;
  // "…, or 112": the alternative to a telephone number.
  if (tokens[first - 1]?.lower === 'or' && tokens[first - 2]?.text === ',' && tokens[first - 3]?.kind === 'number') {
    const previous = first - 3;
    return isPhoneNumber(tokens, previous, previous);
  }
  return false;
}

function isTime(tokens: Token[], mention: NumberMention): boolean {
  const next = tokens[mention.numberLast + 1];
  const previous = tokens[mention.numberFirst - 1];
  const adjacent = (a: Token | undefined, b: Token | undefined) => a !== undefined && b !== undefined && a.end === b.start;
  if (next?.text === ':' && adjacent(tokens[mention.numberLast], next) && tokens[mention.numberLast + 2]?.kind === 'number') return true;
  if (previous?.text === ':' && adjacent(previous, tokens[mention.numberFirst])) return true;
  // "by 7 a.m.", "at 8 p.m.": the tokenizer splits "a.m." into letters and full stops.
  if (['a', 'p'].includes(next?.lower ?? '') && tokens[mention.numberLast + 2]?.text === '.' && tokens[mention.numberLast + 3]?.lower === 'm') return true;
  return false;
}

function isDayOfMonth(tokens: Token[], mention: NumberMention): boolean {
  // "on 14-15 March": a range of days.
  if (mention.qualifier === 'RANGE') return mention.high <= 31n && MONTHS.includes(tokens[mention.last + 1]?.lower.replace(/\.$/, '') ?? '');
  if (mention.numberFirst !== mention.numberLast) return false;
  const token = tokens[mention.numberFirst];
  if (!/^\d{1,2}$/.test(token.text) || Number(token.text) > 31) return false;
  const next = tokens[mention.numberFirst + 1]?.lower.replace(/\.$/, '') ?? '';
  // "Feb. 24": the abbreviation's full stop may be a token of its own.
  const back = tokens[mention.numberFirst - 1]?.text === '.' ? 2 : 1;
  const previous = tokens[mention.numberFirst - back]?.lower.replace(/\.$/, '') ?? '';
  return MONTHS.includes(next) || MONTHS.includes(previous) || MONTHS.includes(tokens[mention.numberFirst + 2]?.lower ?? '');
}

export { MONTHS };
