// The failure kinds of issue 12, each on a sentence written for this test (not from the corpus).
import places from './corpus/places.json';
import { DEFAULT_METRIC_CUES, extractCandidates } from '@/lib/extract/extractCandidates';

function extract(text: string, publishedAt = '2022-03-16') {
  return extractCandidates(text, { publishedAt, metrics: DEFAULT_METRIC_CUES, places });
}

const brief = (text: string, publishedAt?: string) =>
  extract(text, publishedAt).map((c) => ({
    asStated: c.asStated,
    metric: c.metric,
    date: c.date,
    origin: c.origin?.placeId ?? null,
    destination: c.destination?.placeId ?? null,
    attribution: c.attribution,
  }));

describe('extractCandidates on the failure kinds of issue 12', () => {
  it('keeps each quote and every mention exactly as the text states it', () => {
    const text = 'Sumy: 4,100 evacuated\n\nSome 4,100 people were evacuated from Sumy on Tuesday, the governor said. “We took out 4,100 people,” he said.';
    const candidates = extract(text);
    expect(candidates).toHaveLength(1);
    const [c] = candidates;
    expect(text.slice(c.start, c.end)).toBe(c.quote);
    expect(c.mentions.map((m) => text.slice(m.start, m.end))).toEqual(['Some 4,100', '4,100', '4,100']);
    expect(c.mentions[0].text).toBe(c.asStated);
    expect(c).toMatchObject({ metric: 'evacuees', qualifier: 'APPROXIMATE', date: '2022-03-15', attribution: 'governor' });
  });

  it('reads deaths stated with "killed" in plain, passive and pluperfect forms', () => {
    expect(brief('Shelling killed at least nine civilians in Kharkiv on Monday, officials said.')).toEqual([
      expect.objectContaining({ asStated: 'at least nine', metric: 'civilian_deaths', origin: 'kharkiv', date: '2022-03-14' }),
    ]);
    expect(brief('Fourteen people were killed in Chernihiv, the regional head said.')[0]).toMatchObject({ metric: 'civilian_deaths', origin: 'chernihiv' });
    expect(brief('By then 37 residents had been killed in Irpin.')[0]).toMatchObject({ metric: 'civilian_deaths', origin: 'irpin' });
  });

  it('does not count the injured, casualties or soldiers as deaths', () => {
    expect(brief('Three people were killed and 19 wounded in Dnipro.').map((c) => c.asStated)).toEqual(['Three']);
    expect(brief('The strike left 31 casualties in Mykolaiv.')).toEqual([]);
    expect(brief('Eleven soldiers were killed near Izium.')).toEqual([]);
  });

  it('gives each item of a list sharing one noun its own place', () => {
    expect(brief('Hungary has taken in 210,000, Slovakia 160,000 and Moldova 330,000 refugees, officials said.')).toEqual([
      expect.objectContaining({ asStated: '210,000', metric: 'refugees', destination: 'hu' }),
      expect.objectContaining({ asStated: '160,000', metric: 'refugees', destination: 'sk' }),
      expect.objectContaining({ asStated: '330,000', metric: 'refugees', destination: 'md' }),
    ]);
  });

  it('resolves weekdays against the publication date and keeps the figure’s own day over the statement’s', () => {
    // 2022-03-16 was a Wednesday.
    expect(brief("Sunday's evacuation took 2,200 people out of Irpin, police said on Tuesday.")[0]).toMatchObject({ date: '2022-03-13', origin: 'irpin' });
  });

  it('takes the day of the sentence before only through "the same day"', () => {
    expect(brief('Shelling resumed on Monday. The same day, 1,200 people were evacuated from Irpin.')[0]).toMatchObject({ date: '2022-03-14' });
    expect(brief('Shelling resumed on Monday. About 1,200 people were evacuated from Irpin.')[0]).toMatchObject({ date: null });
    expect(brief('Some 5,000 people left Mariupol on 14-15 March.').map((c) => c.asStated)).toEqual(['Some 5,000']);
  });

  it('takes the whole noun phrase as the source and never carries it to the next sentence', () => {
    const [first, second] = brief('More than 900 people were evacuated from Bucha, said Oleksandr Pavliuk, head of the regional administration. Another 300 were evacuated from Hostomel.');
    expect(first.attribution).toBe('Oleksandr Pavliuk');
    expect(second.attribution).toBeNull();
    expect(brief('According to the Polish Border Guard, 1.9 million people have crossed into Poland.')[0].attribution).toBe('Polish Border Guard');
  });

  it('lets a pronoun take the speaker named just before', () => {
    const candidates = brief('Mayor Ihor Terekhov said the metro was full. He added that 3,200 people had been evacuated from Kharkiv.');
    expect(candidates[0].attribution).toBe('Mayor Ihor Terekhov');
  });

  it('rejects the numbers that are not the figure', () => {
    const traps = [
      'About 20,000 people are still trapped in Mariupol.',
      'Officials hope to evacuate 6,000 people from Sumy on Thursday.',
      'Some 25,000 people cross into Poland every day.',
      'On Monday alone, 82,000 people crossed into Poland.',
      'The city of 430,000 lies 60 km from the border.',
      'A train carrying 90 tonnes of aid left at 14:30.',
      'About 45 per cent of the arrivals are children.',
      'The appeal seeks $1.7 billion for 12 million people.',
      'Forecasters expect up to 5 million more refugees to flee.',
      'More than 1,300 private cars left the city.',
      'A further 2,000 refugees arrived last week, bringing the total to 95,000.',
    ];
    for (const text of traps) {
      const found = extract(text).filter((c) => c.asStated !== '95,000');
      expect({ text, found: found.map((c) => c.asStated) }).toEqual({ text, found: [] });
    }
    expect(brief('A further 2,000 refugees arrived last week, bringing the total to 95,000.')).toEqual([expect.objectContaining({ asStated: '95,000', metric: 'refugees' })]);
  });

  it('reads a host country from the verb it is the subject of, and people counted abroad as refugees', () => {
    expect(brief('Slovakia has seen more than 140,000 arrivals, its police said.')[0]).toMatchObject({ metric: 'refugees', destination: 'sk' });
    expect(brief('Some 250,000 people are now in Germany.')[0]).toMatchObject({ metric: 'refugees', destination: 'de' });
    expect(brief('Lithuania has welcomed 31,000 Ukrainians so far.')[0]).toMatchObject({ metric: 'refugees', destination: 'lt' });
  });

  it('reads deaths as the object of a verb, whatever the relative clause says of the dead', () => {
    expect(brief('A strike on Kramatorsk killed 41 people who were waiting for a train.')[0]).toMatchObject({ metric: 'civilian_deaths', origin: 'kramatorsk' });
    expect(brief('Shelling killed two and injured nine in Sumy.').map((c) => [c.asStated, c.metric])).toEqual([['two', 'civilian_deaths']]);
  });

  it('reads a national border agency’s count as refugees in its country, and a total as its increment’s', () => {
    expect(brief("Romania's border police gave an update; its count since 24 February stands at 512,000.")[0]).toMatchObject({
      asStated: '512,000', metric: 'refugees', destination: 'ro',
    });
    expect(brief("Slovakia's police said 7,000 people crossed the border on Sunday, taking the total to 183,000.")).toEqual([
      expect.objectContaining({ asStated: '183,000', metric: 'refugees', destination: 'sk', date: null }),
    ]);
  });

  it('gives a total the metric of its parts when its own verb cannot tell', () => {
    const found = brief('Of the 3.1 million who have left, 1.9 million are in Poland and 410,000 in Romania.');
    expect(found.map((c) => [c.asStated, c.metric, c.destination])).toEqual([
      ['3.1 million', 'refugees', null],
      ['1.9 million', 'refugees', 'pl'],
      ['410,000', 'refugees', 'ro'],
    ]);
  });

  it('reads number words and destination phrases', () => {
    expect(brief('One and a half million people have now entered Poland.')[0]).toMatchObject({ metric: 'refugees', destination: 'pl' });
    expect(extract('One and a half million people have now entered Poland.')[0].low).toBe(1_500_000n);
    expect(brief('Romania has taken in 410,000 people from Ukraine.')[0]).toMatchObject({ metric: 'refugees', destination: 'ro', origin: 'ua' });
  });

  it('takes an arrival’s destination from the sentence before when its own names none', () => {
    expect(brief('Hungary has opened two more reception centres. Some 95,000 people have arrived so far, police said.')[0]).toMatchObject({ metric: 'refugees', destination: 'hu' });
    // An overall count, or one by an international body, is no country's.
    expect(brief('Hungary has opened two more reception centres. In all, 1.9 million people have crossed since the invasion.')[0]).toMatchObject({ destination: null });
    expect(brief('Hungary has opened two more reception centres. More than 1.9 million people have fled Ukraine, the UN said.')[0]).toMatchObject({ destination: null });
  });

  it('names a country or a place people stay in after plain "in", even when the table lacks it', () => {
    expect(extract('About 8,000 refugees from Ukraine are now in Italy, officials said.')[0].destination).toEqual({ name: 'Italy', placeId: null });
    expect(extract('Around 6,000 refugees are staying in Graz, the mayor said.')[0]).toMatchObject({ metric: 'refugees', destination: { name: 'Graz', placeId: null } });
    expect(brief('There are more than 40,000 refugees from Ukraine in Austria.')[0]).toMatchObject({ origin: 'ua', destination: 'at' });
  });

  it('takes a country the table lacks as the host when it is the subject of a host verb', () => {
    expect(extract('Portugal has received 21,000 people from Ukraine.')[0]).toMatchObject({ metric: 'refugees', destination: { name: 'Portugal', placeId: null } });
  });

  it('reads "X, where N …" by the number’s own verb: arrivals reach the place, evacuations leave it', () => {
    expect(brief('Aid workers went back to Moldova, where 330,000 people have arrived.')[0]).toMatchObject({ metric: 'refugees', destination: 'md' });
    expect(brief('Buses returned to Bucha, where 1,700 people were evacuated on Monday.')[0]).toMatchObject({ metric: 'evacuees', origin: 'bucha', destination: null });
  });

  it('reads key-figure lines with a dash under a heading, with the heading’s date and origin', () => {
    const text = 'People who had arrived from Ukraine, by country, as of 9 March:\n\nPoland – 1,412,000\nMoldova – 230,000';
    expect(brief(text)).toEqual([
      expect.objectContaining({ asStated: '1,412,000', metric: 'refugees', date: '2022-03-09', origin: 'ua', destination: 'pl' }),
      expect.objectContaining({ asStated: '230,000', metric: 'refugees', date: '2022-03-09', origin: 'ua', destination: 'md' }),
    ]);
  });

  it('takes a live blog’s country label as the destination, but not a dateline’s country', () => {
    expect(brief('Romania: More than 380,000 people have entered from Ukraine, the government says.')[0]).toMatchObject({ destination: 'ro' });
    expect(brief('ISACCEA, Romania: More than 2 million people have fled Ukraine, the UN said.')[0]).toMatchObject({ destination: null });
  });

  it('reads "the Republic of Moldova", "across" a country abroad and "Romanian territory"', () => {
    expect(brief('Some 210,000 people have entered the Republic of Moldova.')[0]).toMatchObject({ destination: 'md' });
    expect(brief('About 1.5 million refugees are now spread across Poland.')[0]).toMatchObject({ destination: 'pl' });
    expect(brief('Nearly 300,000 people have reached Romanian territory.')[0]).toMatchObject({ destination: 'ro' });
  });

  it('does not count people displaced within Ukraine, casualties "dead or wounded", or people stuck at a border', () => {
    expect(brief('Some 7 million people have left their homes but remain inside Ukraine.')).toEqual([]);
    expect(brief('The strike left 27 people dead or wounded in Kharkiv.')).toEqual([]);
    expect(brief('Around 3,000 people remain stuck at the Polish border.')).toEqual([]);
    // The people displaced at home are another number's: the refugees before them still count.
    expect(brief('More than 3.5 million have fled abroad, while 6.5 million are displaced within Ukraine.').map((c) => c.asStated)).toEqual(['More than 3.5 million']);
  });
});
