import { findAttributions, pickAttribution } from '@/lib/extract/attribution';
import { tagTokens } from '@/lib/extract/language';
import { tokenize as split } from '@/lib/extract/tokens';

// The extractor reads attributions from tagged tokens (part of speech and lemma).
function tokenize(sentence: string) {
  const tokens = split(sentence);
  tagTokens(sentence, tokens);
  return tokens;
}

function source(sentence: string): string | null | undefined {
  const tokens = tokenize(sentence);
  const number = tokens.findIndex((t) => t.kind === 'number');
  return pickAttribution(findAttributions(tokens, sentence), number, number)?.name;
}

describe('attribution', () => {
  it.each([
    ['5,000 fled, UNHCR said.', 'UNHCR'],
    ['The UN refugee agency UNHCR has estimated that 5,000 fled.', 'UN refugee agency UNHCR'],
    ['Kyrylo Tymoshenko, deputy head of the president\'s office, wrote that 5,000 left.', "Kyrylo Tymoshenko, deputy head of the president's office"],
    ['5,000 left, an adviser to the mayor, Petro Andriushchenko, said.', 'Petro Andriushchenko'],
    ['5,000 left, a spokesman for the UN human rights office said.', 'spokesman for the UN human rights office'],
    ['16:30 Vereshchuk: 5,000 people were evacuated.', 'Vereshchuk'],
    ['5,000 fled, according to the International Organization for Migration.', 'International Organization for Migration'],
    ['5,000 fled, according to local officials.', 'local officials'],
    ['Governor Dmytro Zhyvytskyy told local media that 5,000 fled.', 'Governor Dmytro Zhyvytskyy'],
    ['Polish border guards said 5,000 crossed.', 'Polish border guards'],
    ['"We evacuated 1,700 people," said Ihor Terekhov.', 'Ihor Terekhov'],
    ['Officials in Zaporizhzhia said 50 buses arrived.', 'Officials in Zaporizhzhia'],
  ])('finds the source in "%s"', (sentence, expected) => {
    expect(source(sentence)).toBe(expected);
  });

  it('prefers the source nearest the number when two sources disagree', () => {
    const sentence = 'UNHCR said 2.1 million had fled, while Polish authorities said 1.3 million had crossed.';
    const tokens = tokenize(sentence);
    const second = tokens.findIndex((t) => t.text === '1.3');
    expect(pickAttribution(findAttributions(tokens, sentence), second, second)?.name).toBe('Polish authorities');
  });

  it('finds the speaker named after a quote, besides the pronoun inside it', () => {
    const sentence = '“We estimate that 5,000 left,” said Vít Rakušan, the interior minister.';
    expect(findAttributions(tokenize(sentence), sentence).map((a) => a.name)).toEqual([null, 'Vít Rakušan']);
  });

  it('marks a pronoun source for resolution from earlier sentences', () => {
    expect(source('Around 2,000 were evacuated, he added.')).toBeNull();
  });

  it('does not take a noun inside a prepositional phrase as the source', () => {
    expect(source('A woman who lived through the Second World War said 400 left.')).toBeUndefined();
  });
});
