// Lists sharing one noun or verb, and the parts of a total: which earlier number a list item or a
// breakdown takes its metric from.
import type { MetricMatch } from './metrics';
import type { NumberMention } from './numbers';
import type { PlaceMention } from './places';
import type { Draft, Reading } from './sentenceContext';
import type { Token } from './tokens';

// Words that may stand between the items of a list sharing one noun or verb.
const LIST_GLUE = new Set([',', 'and', '(', ')', '—', '–', '-', 'with', 'followed', 'by', 'another', 'a', 'further', 'while', 'including', 'of', 'them', 'whom', 'in', 'into', 'from', 'to', 'at', 'some', 'about', 'around', 'nearly', 'more', 'than', 'over', 'almost', 'roughly', 'close', 'respectively', ';', 'then', 'the', 'rest']);

/** The nearest earlier candidate of the sentence that a list item or part belongs to. */
export function parentOf(results: Draft[], i: number, readings: Reading[]): Draft | null {
  const draft = results[i];
  const reading = readings.find((r) => r.mention === draft.mention);
  if (reading?.parent) return results.find((r) => r.mention === reading.parent!.mention) ?? null;
  if (!reading?.subfigure && !partOfPrevious(reading, results, i)) return null;
  for (let k = i - 1; k >= 0; k--) if (results[k].candidate.metric === draft.candidate.metric) return results[k];
  return null;
}

const tokens_ = (draft: Draft) => draft.tokens;

/** A breakdown in the same clause as the total, with no verb of its own ("4,128 …, 3,000 of them from Mariupol"). */
function partOfPrevious(reading: Reading | undefined, results: Draft[], i: number): boolean {
  if (!reading || i === 0) return false;
  // "Of the roughly 3.7 million who have left Ukraine, close to 2.2 million are in Poland, …"
  const total = results[0].mention;
  if (results[0].candidate.metric === results[i].candidate.metric && tokens_(results[0]).slice(Math.max(0, total.first - 3), total.first).some((t, k, near) => t.lower === 'of' && near[k + 1]?.lower === 'the')) return true;
  const previous = results[i - 1];
  return previous.mention.first >= reading.clause[0] && !reading.metric?.viaHead && !reading.metric?.movement && reading.headKind === 'none';
}

/** A list item with no noun or verb of its own takes the metric of its neighbour in the list. */
export function listHead(tokens: Token[], readings: Reading[], i: number, places: PlaceMention[]): { reading: Reading; metric: MetricMatch | null; sibling: boolean } | null {
  const mine = readings[i].mention;
  // Between two items only list words may stand, back to the comma or "and" that opens the item.
  const glued = (a: NumberMention, b: NumberMention) => {
    for (let k = b.first - 1; k > a.last; k--) {
      const t = tokens[k];
      if (t.text === ',' || t.lower === 'and' || t.text === ';') return true;
      if (LIST_GLUE.has(t.lower)) continue;
      if (places.some((p) => k >= p.first && k <= p.last)) continue;
      if (t.kind === 'word' && /^[A-Z]/.test(t.text)) continue;
      if (t.pos === 'NOUN' || t.pos === 'ADJ' || t.pos === 'ADP' || t.pos === 'DET') continue;
      return false;
    }
    return true;
  };
  // A number word is a list item only beside a place: "five in Mykolaiv".
  if (mine.words && !mine.vague) {
    const placeNear = places.some((p) => p.first === mine.last + 2 || p.last === mine.first - 1);
    if (!placeNear) return null;
  }
  // A breakdown after a dash, colon or bracket, or "the figure stands at …", continues the figure before it.
  const lead = tokens[mine.first - 1]?.text ?? '';
  const refersBack = ['—', '–', ':', '('].includes(lead) || tokens.slice(Math.max(0, mine.first - 6), mine.first).some((t, k, near) => t.lower === 'the' && ['figure', 'number', 'total', 'tally'].includes(near[k + 1]?.lower ?? ''));
  const found = (reading: Reading, sibling: boolean) => ({ reading, metric: reading.metric, sibling });
  if (refersBack) {
    for (let k = i - 1; k >= 0; k--) if (readings[k].metric) return found(readings[k], false);
  }
  for (let k = i - 1; k >= 0; k--) {
    if (readings[k].rejected) return null;
    if (readings[k].metric && glued(readings[k].mention, mine)) return found(readings[k], true);
    if (!glued(readings[k].mention, readings[k + 1].mention)) break;
  }
  for (let k = i + 1; k < readings.length; k++) {
    if (readings[k].rejected) return null;
    if (readings[k].metric?.viaHead && glued(mine, readings[k].mention)) return found(readings[k], true);
    if (!glued(readings[k - 1].mention, readings[k].mention)) break;
  }
  return null;
}
