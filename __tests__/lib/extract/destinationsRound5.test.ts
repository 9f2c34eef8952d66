// Issue 12, round 5: destinations by a capital named by its country's adjective, a second national
// body's bare count, a host sheltering people, and "the country" past onward travel. Sentences
// written for this test.
import places from './corpus/places.json';
import { brief } from './brief';
import { capitalAt } from '@/lib/extract/capitals';
import { DEFAULT_METRIC_CUES, extractCandidates } from '@/lib/extract/extractCandidates';
import { tokenize } from '@/lib/extract/tokens';

describe('a capital named by its country', () => {
  it('reads "the Polish capital" as Warsaw, as a destination or a host subject', () => {
    expect(brief('About 260,000 refugees have arrived in the Polish capital, the mayor said.')).toEqual([
      expect.objectContaining({ metric: 'refugees', destination: 'warsaw' }),
    ]);
    expect(brief('The Slovak capital has taken in some 9,000 people from Ukraine.')).toEqual([
      expect.objectContaining({ metric: 'refugees', destination: 'bratislava' }),
    ]);
  });

  it('keeps an evacuation to the home capital an evacuation', () => {
    expect(brief('Some 1,800 residents were evacuated from Bucha to the Ukrainian capital.')).toEqual([
      expect.objectContaining({ metric: 'evacuees', origin: 'bucha', destination: 'kyiv' }),
    ]);
  });

  it('names a capital the place table lacks by name, and leaves a named capital to its name', () => {
    expect(brief('Around 45,000 Ukrainians have arrived in the Latvian capital.')).toEqual([
      expect.objectContaining({ destination: 'Riga' }),
    ]);
    const countryOf = (word: string) => ({ polish: 'Poland' })[word];
    expect(capitalAt(tokenize('in the Polish capital Warsaw'), 1, countryOf)).toBeNull();
    expect(capitalAt(tokenize('in the Polish capital, Warsaw,'), 1, countryOf)).toBeNull();
    expect(capitalAt(tokenize('in the Polish capital on Monday'), 1, countryOf)).toEqual({ city: 'Warsaw', country: 'Poland', last: 3 });
    expect(capitalAt(tokenize('the capital'), 0, countryOf)).toBeNull();
  });

  it('gives no figure for the capital’s own population', () => {
    expect(brief('The Polish capital, a city of 1.8 million, has opened its sports halls to people arriving from the east.')).toEqual([]);
  });
});

describe('a second national body’s bare count', () => {
  it('counts what the sentence’s first figure counts, in the body’s country', () => {
    expect(brief('About 150,000 people have crossed into Hungary, police said, while Slovakia’s interior ministry reported 110,000.')).toEqual([
      expect.objectContaining({ asStated: 'About 150,000', metric: 'refugees', destination: 'hu' }),
      expect.objectContaining({ asStated: '110,000', metric: 'refugees', destination: 'sk' }),
    ]);
  });

  it('does not give the first figure the later body’s country', () => {
    expect(brief('Police said 1.2 million had crossed, while Romania’s border police reported 310,000.')).toEqual([
      expect.objectContaining({ asStated: '1.2 million', destination: null }),
      expect.objectContaining({ asStated: '310,000', destination: 'ro' }),
    ]);
  });

  it('needs a figure before it, and no noun of its own', () => {
    expect(brief('Slovakia’s interior ministry reported 165,000.')).toEqual([]);
    expect(brief('About 150,000 people have crossed into Hungary, while Slovakia’s interior ministry reported 3,000 cars.')).toHaveLength(1);
  });
});

describe('a host sheltering people', () => {
  it('makes people a host abroad shelters refugees there', () => {
    expect(brief('Moldova is sheltering more than 100,000 people from Ukraine.')).toEqual([
      expect.objectContaining({ metric: 'refugees', destination: 'md', origin: 'ua' }),
    ]);
  });

  it('leaves people sheltered at home, or sheltering, no figure', () => {
    expect(brief('Lviv, a city of 720,000, is now sheltering about 200,000 people who fled the fighting in the east.')).toEqual([]);
    expect(brief('Around 2,000 people are sheltering in the Azovstal plant.')).toEqual([]);
  });
});

describe('"the country" past onward travel', () => {
  it('keeps the host people travelled on from', () => {
    expect(brief('Many who came to Moldova have since moved on to Romania, but the country still hosts about 95,000 refugees.')).toEqual([
      expect.objectContaining({ destination: 'md' }),
    ]);
  });

  it('still takes the last country when nobody travelled on', () => {
    expect(brief('Many who came to Moldova have gone to Romania, where the country now hosts about 95,000 refugees.')).toEqual([
      expect.objectContaining({ destination: 'ro' }),
    ]);
  });
});

describe('key-figure tables with a formal name', () => {
  it('reads "Republic of Moldova 367,000" as a table row under its heading', () => {
    const text = 'Refugees from Ukraine by country of arrival, 20 March\nPoland 2,080,000\nRepublic of Moldova 367,000\nRussian Federation 271,000';
    expect(brief(text, '2022-03-21')).toEqual([
      expect.objectContaining({ asStated: '2,080,000', destination: 'pl', origin: 'ua' }),
      expect.objectContaining({ asStated: '367,000', destination: 'md', origin: 'ua' }),
      expect.objectContaining({ asStated: '271,000', destination: 'ru', origin: 'ua' }),
    ]);
  });
});

describe('entries', () => {
  it('counts entries recorded by a host as refugees', () => {
    expect(brief('Bulgaria has recorded 57,000 entries of Ukrainian citizens since the invasion began.')).toEqual([
      expect.objectContaining({ metric: 'refugees', destination: 'bg' }),
    ]);
  });
});

describe('reception sites and their towns', () => {
  it('takes the town a reception site stands in, not the country that locates it, and no site as a source', () => {
    const [c] = extractCandidates('The reception point in Iasi, in north-eastern Romania, has registered more than 12,000 people from Ukraine.', {
      publishedAt: '2022-03-17',
      metrics: DEFAULT_METRIC_CUES,
      places,
    });
    expect(c).toMatchObject({ metric: 'refugees', destination: { name: 'Iasi', placeId: null }, attribution: null });
  });

  it('keeps a country that is the destination itself', () => {
    expect(brief('More than 12,000 people have registered at a transit centre in Suceava, and 30,000 in Romania overall.').map((c) => c.destination)).toEqual([
      'Suceava',
      'ro',
    ]);
  });
});

describe('"the capital" with no country named beside it', () => {
  it('is the capital of the last country named, else of the home country', () => {
    expect(brief('On Sunday, 4,100 people were evacuated from Bucha and Irpin to the capital.')).toEqual([
      expect.objectContaining({ metric: 'evacuees', origin: 'bucha', destination: 'kyiv' }),
    ]);
    expect(brief('About 300,000 refugees have arrived in Poland, and 200,000 of them are now in the capital.').map((c) => c.destination)).toEqual(['pl', 'warsaw']);
  });

  it('is a capital named before', () => {
    expect(brief('Warsaw has grown by a sixth in three weeks, the mayor said, with some 290,000 refugees now in the capital.').map((c) => c.destination)).toEqual(['warsaw']);
  });

  it('leaves "the capital of …" and "the capital, Kyiv," to the name', () => {
    expect(brief('About 3,000 people were evacuated from Irpin to the capital, Kyiv, on Sunday.').map((c) => c.destination)).toEqual(['kyiv']);
    expect(brief('About 3,000 people were evacuated from Bucha to the capital of the Lviv region.').map((c) => c.destination)).not.toContain('kyiv');
  });
});

describe('periods and onward travel', () => {
  it('reads arrivals "between 24 February and 28 March" as the period’s total, not a day’s entries', () => {
    expect(brief('386,100 people arrived from Ukraine to Moldova between 24 February and 28 March.', '2022-03-30')).toEqual([
      expect.objectContaining({ asStated: '386,100', metric: 'refugees', destination: 'md', date: '2022-03-28' }),
    ]);
    expect(brief('On Monday, 12,000 people arrived in Moldova.')).toEqual([]);
  });

  it('gives no figure for people transiting through a host', () => {
    expect(brief('Some 35,000 people have transited through Moldova towards other European countries.')).toEqual([]);
  });
});

describe('people driven out', () => {
  it('reads people driven from one town to another as evacuees', () => {
    expect(brief('Volunteers drove 340 people from Hostomel to the capital on Thursday.')).toEqual([
      expect.objectContaining({ metric: 'evacuees', origin: 'hostomel', destination: 'kyiv' }),
    ]);
  });

  it('does not read a second body’s other counts as figures', () => {
    expect(brief('Polish border guards said 1.6 million people had crossed from Ukraine, while Hungarian police reported 14 arrests of people smugglers.')).toHaveLength(1);
  });
});

describe('people refused entry', () => {
  it('gives no figure for people denied or refused entry', () => {
    expect(brief('Border officers denied entry to 15 foreign citizens who did not meet the legal conditions, the Romanian inspectorate said.')).toEqual([]);
    expect(brief('Hungarian police refused entry to 22 people at Zahony.')).toEqual([]);
  });
});

describe('a name after a noun of kind', () => {
  it('takes the cue before "fellow neighbours", "EU member"', () => {
    expect(brief('Thousands more have fled to fellow neighbours Hungary and Moldova.').map((c) => c.destination)).toEqual(['hu']);
    expect(brief('About 300,000 have gone to EU member Romania.')).toEqual([expect.objectContaining({ metric: 'refugees', destination: 'ro' })]);
  });
});
