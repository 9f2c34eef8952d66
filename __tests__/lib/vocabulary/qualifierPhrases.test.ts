// The value parser (what editors type, what the importer reads) and the extractor
// (what reports say) read one phrase table: every phrase means the same to both.
import { EXTRACTOR_QUALIFIER_PHRASES, findNumberMentions } from '@/lib/extract/numbers';
import { tokenize } from '@/lib/extract/tokens';
import { parseStatedValue } from '@/lib/figures/parseStatedValue';
import { formatStatedValue } from '@/lib/figures/formatValue';
import { QUALIFIER_PHRASES } from '@/lib/vocabulary';

const wordPhrases = QUALIFIER_PHRASES.filter((p) => /^[a-z][a-z ]*$/.test(p.phrase));

function extractedQualifier(sentence: string) {
  const mentions = findNumberMentions(tokenize(sentence), sentence);
  expect(mentions).toHaveLength(1);
  return mentions[0].qualifier;
}

describe('the qualifier phrase table', () => {
  it('is the extractor’s own list of word phrases, nothing more and nothing less', () => {
    const fromTable = new Map(wordPhrases.map((p) => [p.phrase, p.qualifier]));
    const extractorWords = new Map([...EXTRACTOR_QUALIFIER_PHRASES].filter(([phrase]) => phrase !== '+'));
    expect(extractorWords).toEqual(fromTable);
  });

  it.each(wordPhrases.filter((p) => p.position === 'before').map((p) => [p.phrase, p.qualifier]))(
    '"%s 5,000" reads as %s to the value parser and to the extractor',
    (phrase, qualifier) => {
      const parsed = parseStatedValue(`${phrase} 5,000`);
      expect(parsed).toEqual({ ok: true, value: { qualifier, low: 5000n, high: 5000n } });
      expect(extractedQualifier(`Officials said ${phrase} 5,000 people left the city.`)).toBe(qualifier);
    },
  );

  it.each(wordPhrases.filter((p) => p.position === 'after').map((p) => [p.phrase, p.qualifier]))(
    '"5,000 %s" reads as %s to the value parser and to the extractor',
    (phrase, qualifier) => {
      expect(parseStatedValue(`5,000 ${phrase}`)).toEqual({ ok: true, value: { qualifier, low: 5000n, high: 5000n } });
      expect(extractedQualifier(`Officials said 5,000 ${phrase} people left the city.`)).toBe(qualifier);
    },
  );

  it('keeps a source’s own wording when a value is formatted again', () => {
    for (const { phrase, qualifier, position } of wordPhrases) {
      if (position !== 'before') continue;
      const text = formatStatedValue({ qualifier, low: 5000n, high: 5000n, valueAsStated: `${phrase} 5,000` });
      expect(text).toBe(`${phrase} 5,000`);
    }
  });
});
