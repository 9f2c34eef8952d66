// Issue 12, round 4: destinations implied by who speaks, by a border's side, by passive hosts, by
// border towns in the place table, by headings and lists. Sentences written for this test.
import { brief } from './brief';

const destinations = (text: string) => brief(text).map((c) => c.destination);

describe('destinations implied by who speaks', () => {
  it('takes the country of a national authority named by its adjective, title or "of" phrase', () => {
    expect(destinations('Polish Deputy Interior Minister Anna Nowak said 1.1 million refugees had arrived.')).toEqual(['pl']);
    expect(destinations('The Government of Romania reports that 301,000 people have arrived from Ukraine.')).toEqual(['ro']);
    expect(destinations('According to the Ministry of Interior of Slovakia, 99,000 people have crossed from Ukraine.')).toEqual(['sk']);
    expect(destinations('Border guards of the Slovak Republic have registered 88,000 arrivals from Ukraine.')).toEqual(['sk']);
    expect(destinations('The Romanian tally of arrivals from Ukraine stood at 407,000 on Thursday.')).toEqual(['ro']);
    // A national body named after the number gives its country when nothing else does.
    expect(destinations('Around 170,000 people have come in, according to figures from the Moldovan government.')).toEqual(['md']);
  });

  it('reads "the Slovak border" as a place, not a border agency', () => {
    expect(brief('In Uzhhorod, near the Slovak border, officials said about 20,000 people from Kharkiv had arrived.')).toEqual([
      expect.objectContaining({ metric: 'evacuees', destination: 'uzhhorod', origin: 'kharkiv' }),
    ]);
  });

  it('gives "our country", "our town", "here" and "we" the speaker’s place', () => {
    expect(destinations('“Over 150,000 people have entered our country,” said Maia Sandu, Moldova’s president.')).toEqual(['md']);
    expect(destinations('Siret’s mayor said: “About 90,000 people have passed through our town.”')).toEqual(['siret']);
    expect(destinations('“About 80,000 people have come through here,” said the mayor of Przemysl.')).toEqual(['przemysl']);
    expect(destinations('Moldovan President Maia Sandu visited a shelter on Thursday. “We have taken in more than 90,000 people,” she said.')).toEqual(['md']);
  });

  it('carries a national body’s count to the country of the headline, a few sentences back, or of a dateline’s town', () => {
    const text = 'Hungary opens schools to refugee children\nTeachers volunteered to run extra classes. Buses waited at the stations. Police said 204,000 people had come across the border so far.';
    expect(destinations(text)).toEqual(['hu']);
    expect(destinations('KORCZOWA - Queues stretched for kilometres on Sunday. The border guard said 1.1 million people had crossed since the war began.')).toEqual(['pl']);
    // Not a count by the UN, which is no country's.
    expect(destinations('Moldova has asked for help. Queues were shorter on Thursday. UNHCR said 2.1 million people had crossed into neighbouring countries.')).toEqual([null]);
  });
});

describe('destinations named by a border, a host or a place people are put up in', () => {
  it('reads a country’s side of the border', () => {
    expect(destinations('Nearly 150,000 arrivals have been counted at the Hungarian border since the war began.')).toEqual(['hu']);
    expect(destinations('On the Polish side, border guards have checked in 930,000 arrivals.')).toEqual(['pl']);
    expect(destinations('A total of 2,157,000 people have crossed the Polish-Ukrainian border.')).toEqual(['pl']);
    expect(destinations('About 240,000 people have crossed the Ukraine–Moldova border.')).toEqual(['md']);
    expect(destinations('Over 350,000 people have passed through Romania’s border crossings from Ukraine.')).toEqual(['ro']);
    expect(destinations('Over 130,000 people have crossed Slovakia’s border with Ukraine.')).toEqual(['sk']);
    // The town named after "border town of" is the place meant.
    expect(destinations('Around 10,000 people have reached the Hungarian border town of Zahony.')).toEqual(['zahony']);
  });

  it('reads passive hosts and the homes, families and soil of a host country', () => {
    expect(destinations('Around 60,000 people from Ukraine are now hosted by Bulgaria.')).toEqual(['bg']);
    expect(destinations('About 150,000 Ukrainians have been taken in by Slovakia.')).toEqual(['sk']);
    expect(destinations('Hundreds of thousands of refugees are being put up in Polish homes.')).toEqual(['pl']);
    expect(destinations('Some 1.6 million refugees have arrived on Polish soil.')).toEqual(['pl']);
    expect(destinations('Some 5,500 people were accommodated in Slovak reception centres.')).toEqual(['sk']);
  });

  it('knows border towns abroad from the place table, and a country’s possessive before its town', () => {
    for (const [text, town] of [
      ['At Palanca, more than 30,000 people have arrived since Thursday.', 'palanca'],
      ['About 20,000 people have crossed the Danube by ferry to Isaccea.', 'isaccea'],
      ['More than 50,000 people have entered through Vysne Nemecke.', 'vysne-nemecke'],
      ['Around 80,000 people have come through Korczowa since the start of the war.', 'korczowa'],
      ['Some 35,000 people have crossed into Hungary’s Zahony since Thursday.', 'zahony'],
      ['At the Medyka crossing, border guards have checked more than 200,000 people.', 'medyka'],
      ['About 60,000 people have crossed the border at Siret.', 'siret'],
    ]) {
      expect(brief(text)).toEqual([expect.objectContaining({ metric: 'refugees', destination: town })]);
    }
  });

  it('does not take a speaker’s seat, or a share’s place, as the figure’s destination', () => {
    expect(destinations('Bulgaria has so far received about 50,000 people from Ukraine, the government in Sofia said.')).toEqual(['bg']);
    expect(destinations('Some 1.9 million people have fled Ukraine, more than half of them to Poland, UNHCR said.')).toEqual([null]);
    expect(destinations('Almost 2.5 million people have fled, the majority into Poland.')).toEqual([null]);
  });
});

describe('figures found in round 4', () => {
  it('reads lists after a host verb and a colon, bulleted key figures and table rows under a heading', () => {
    expect(brief('Other neighbours have received fewer people: Slovakia about 230,000, Moldova 350,000.')).toEqual([
      expect.objectContaining({ asStated: 'about 230,000', metric: 'refugees', destination: 'sk' }),
      expect.objectContaining({ asStated: '350,000', metric: 'refugees', destination: 'md' }),
    ]);
    expect(brief('Refugee arrivals since 24 February:\n- Poland: 912,000\n- Hungary: 143,000').map((c) => [c.asStated, c.destination])).toEqual([
      ['912,000', 'pl'],
      ['143,000', 'hu'],
    ]);
    expect(brief('Refugee arrivals by country, as of 8 March\nPoland 1,320,000\nSlovakia 164,000')).toEqual([
      expect.objectContaining({ asStated: '1,320,000', metric: 'refugees', date: '2022-03-08', destination: 'pl' }),
      expect.objectContaining({ asStated: '164,000', metric: 'refugees', date: '2022-03-08', destination: 'sk' }),
    ]);
    // Rows under a heading that names no people are no figures.
    expect(brief('Aid trucks dispatched this week\nPoland 110\nRomania 40')).toEqual([]);
  });

  it('reads people who stayed on in a host, "number" as a verb, and "thought to be in"', () => {
    expect(brief('The authorities of the Republic of Moldova have registered 310,000 arrivals, of whom around 99,000 remain.').map((c) => [c.asStated, c.destination])).toEqual([
      ['310,000', 'md'],
      ['around 99,000', 'md'],
    ]);
    expect(brief('Refugees in Moldova now number about 97,000.')).toEqual([expect.objectContaining({ metric: 'refugees', destination: 'md' })]);
    expect(brief('Of those who have fled, an estimated 1.8 million are thought to be in Poland.')).toEqual([expect.objectContaining({ metric: 'refugees', destination: 'pl' })]);
    expect(brief('About 85,000 refugees are still being sheltered in Moldova.')).toEqual([expect.objectContaining({ metric: 'refugees', destination: 'md' })]);
    // A percentage "in Poland" stays no figure.
    expect(brief('Around 60 percent of those who fled are now in Poland.')).toEqual([]);
  });

  it('reads a country that has people who fled, a count’s own place, Russia’s side and reception sites abroad', () => {
    expect(destinations('Moldova now has over 90,000 refugees, more per head than anywhere else.')).toEqual(['md']);
    expect(brief('Moldova has 2.6 million inhabitants.')).toEqual([]);
    expect(destinations('More than 3 million people have fled Ukraine. The number in Hungary is about 295,000.')).toEqual([null, 'hu']);
    expect(destinations('More than 350,000 people have crossed into Russian territory from Ukraine.')).toEqual(['ru']);
    expect(destinations('Over 90,000 people have registered at Romania’s reception points.')).toEqual(['ro']);
  });

  it('names the body "according to the interior ministry", and never the people counted as their source', () => {
    expect(brief('About 55,000 people have arrived in Bulgaria, according to the interior ministry.')[0].attribution).toBe('interior ministry');
    expect(brief('Nearly 90,000 people have registered with the authorities in Bulgaria.')[0].attribution).toBeNull();
  });

  it('reads "Feb. 24" as a date, not a number', () => {
    expect(brief('More than 1.1 million people have crossed since Feb. 24, the border guard said.').map((c) => c.asStated)).toEqual(['More than 1.1 million']);
  });
});
