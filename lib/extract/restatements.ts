// One candidate per figure: restatements of a figure in a headline, the body and a quote are merged.
import type { NumberMention } from './numbers';
import type { Draft } from './sentenceContext';
import type { Candidate, NamedPlace, Span } from './types';

/** How fully a statement gives the figure: qualifier, date, places and source. */
function fullness(c: Candidate): number {
  return (c.qualifier !== 'EXACT' ? 1 : 0) + (c.date ? 1 : 0) + (c.origin ? 1 : 0) + (c.destination ? 1 : 0) + (c.attribution ? 1 : 0);
}

const samePlace = (a: NamedPlace | null, b: NamedPlace | null) => !a || !b || (a.placeId ?? a.name) === (b.placeId ?? b.name);

/**
 * One candidate per figure: a figure restated in a headline, the body and a quote is one
 * candidate whose `mentions` list every statement. The fullest statement gives the fields; the
 * others fill what it leaves out. A number that was not read as a figure but restates one's value
 * ("“At least 2,500 — and we are still counting,” he said") is added as a mention.
 */
export function mergeRestatements(drafts: Draft[], leftovers: Array<{ mention: NumberMention; span: Span }>): Candidate[] {
  const groups: Draft[][] = [];
  for (const draft of drafts) {
    const c = draft.candidate;
    const group = groups.find((g) =>
      g.some((o) => {
        const d = o.candidate;
        return (
          o.sentenceIndex !== draft.sentenceIndex &&
          d.metric === c.metric &&
          d.low === c.low &&
          d.high === c.high &&
          samePlace(d.origin, c.origin) &&
          samePlace(d.destination, c.destination) &&
          (d.date === null || c.date === null || d.date === c.date)
        );
      }),
    );
    if (group) group.push(draft);
    else groups.push([draft]);
  }
  const merged = groups.map((group) => {
    // The fullest statement; on a tie, the later one (the body after the headline).
    const primary = [...group].sort((a, b) => fullness(b.candidate) - fullness(a.candidate) || b.sentenceIndex - a.sentenceIndex)[0];
    const c: Candidate = { ...primary.candidate, mentions: [...primary.candidate.mentions] };
    for (const other of group) {
      if (other === primary) continue;
      const o = other.candidate;
      c.mentions.push(...o.mentions);
      if (c.qualifier === 'EXACT' && o.qualifier !== 'EXACT' && o.qualifier !== 'RANGE') c.qualifier = o.qualifier;
      c.date ??= o.date;
      c.dateText ??= o.dateText;
      c.origin ??= o.origin;
      c.destination ??= o.destination;
      c.attribution ??= o.attribution;
    }
    return c;
  });
  for (const { mention, span } of leftovers) {
    if ((mention.low < 10n && !mention.words) || mention.vague) continue;
    const figure = merged.find((c) => c.low === mention.low && c.high === mention.high && !/^(?:dozens|scores|hundreds|thousands|millions|tens|several|a few)/i.test(c.asStated.replace(/^\S+ (?=\S)/, (w) => (/^(?:some|about|around|over)\s$/i.test(w) ? '' : w))) && !c.mentions.some((m) => m.start === span.start));
    if (figure) figure.mentions.push(span);
  }
  for (const c of merged) c.mentions = [c.mentions[0], ...c.mentions.slice(1).sort((a, b) => a.start - b.start)];
  return merged.sort((a, b) => a.mentions[0].start - b.mentions[0].start);
}
