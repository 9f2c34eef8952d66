// Issue 12, round 6: figures whose verb names no movement, people called displaced at home,
// attribution of a gapped second body and of a possessive count, and the failure kinds of the
// issue. Sentences written for this test.
import { brief } from './brief';

describe('counts whose verb names no movement', () => {
  it('reads counts a body\'s figures show in places abroad as refugees there', () => {
    expect(brief('Government figures show 410,000 in Romania and 96,000 in Bulgaria.')).toEqual([
      expect.objectContaining({ asStated: '410,000', metric: 'refugees', destination: 'ro' }),
      expect.objectContaining({ asStated: '96,000', metric: 'refugees', destination: 'bg' }),
    ]);
    // No figures named: a bare "N in X" stays no figure.
    expect(brief('There were 410,000 in Romania.')).toEqual([]);
  });

  it('reads people a reception site in a town the table lacks has helped as refugees there', () => {
    expect(brief('The transit centre in Suceava has assisted 8,500 people so far.')).toEqual([
      expect.objectContaining({ asStated: '8,500', metric: 'refugees', destination: 'Suceava' }),
    ]);
  });

  it('reads "has become home to" as hosting, and "was home to … before" as a population', () => {
    expect(brief('Austria has become home to some 70,000 Ukrainians.')).toEqual([
      expect.objectContaining({ metric: 'refugees', destination: 'at' }),
    ]);
    expect(brief('Austria was home to some 12,000 Ukrainians before the war.')).toEqual([]);
  });

  it('gives a host that "accounts for" part of the arrivals its share, and a gapped item its own place', () => {
    expect(brief('Hungary accounts for 250,000 of the arrivals, and Slovakia for 190,000.')).toEqual([
      expect.objectContaining({ asStated: '250,000', metric: 'refugees', destination: 'hu' }),
      expect.objectContaining({ asStated: '190,000', metric: 'refugees', destination: 'sk' }),
    ]);
  });
});

describe('people displaced at home', () => {
  it('reads people called displaced as no refugee figure, unless displaced abroad', () => {
    expect(brief('Vinnytsia has taken in about 90,000 displaced people, officials said.')).toEqual([]);
    expect(brief('About 60,000 people have been displaced to Moldova.')).toEqual([
      expect.objectContaining({ metric: 'refugees', destination: 'md' }),
    ]);
  });
});

describe('attribution', () => {
  it('gives a second count with a gapped verb its own body as source', () => {
    expect(brief("Romania's interior ministry counted 410,000 entries, and Moldova's border police 290,000.")).toEqual([
      expect.objectContaining({ asStated: '410,000', destination: 'ro', attribution: "Romania's interior ministry" }),
      expect.objectContaining({ asStated: '290,000', destination: 'md', attribution: "Moldova's border police" }),
    ]);
  });

  it('names whose count it is in a possessive, whatever the verb', () => {
    expect(brief("The UN migration agency's count of people who have fled Ukraine passed 3.5 million.")).toEqual([
      expect.objectContaining({ asStated: 'passed 3.5 million', attribution: 'UN migration agency' }),
    ]);
  });

  it('does not read a border agency named after its country as a place', () => {
    expect(brief("A spokesman for Slovakia's Border Police, Martin Hruska, said 190,000 people had crossed.")).toEqual([
      expect.objectContaining({ destination: 'sk', attribution: 'Martin Hruska' }),
    ]);
  });
});

describe('numbers that are no figures', () => {
  it('drops entries a body registered on named days, the gapped day too', () => {
    expect(brief('Border police registered 6,200 entries on Monday and 5,800 on Tuesday, a spokesman said.')).toEqual([]);
  });

  it('drops people counted by the documents they were granted', () => {
    expect(brief('Some 150,000 Ukrainians have been issued residence permits in Lithuania.')).toEqual([]);
  });
});

describe('the issue\'s failure kinds', () => {
  it('drops an earlier value of a daily rate ("down from")', () => {
    expect(brief('Some 25,000 people now cross into Slovakia each day, down from 60,000 in early March.')).toEqual([]);
  });

  it('drops the increment before a finite "brought the total to", and gives the total its place', () => {
    expect(brief("Tuesday's 14,000 entries brought the total for Hungary to 310,000.")).toEqual([
      expect.objectContaining({ asStated: '310,000', metric: 'refugees', destination: 'hu' }),
    ]);
  });

  it('reads people who left with no place of their own as leaving where others are trapped', () => {
    expect(brief('Thousands remain trapped in Sumy, but 2,300 were able to leave on Monday.')).toEqual([
      expect.objectContaining({ asStated: '2,300', metric: 'evacuees', origin: 'sumy' }),
    ]);
  });

  it('reads the town where people boarded as where they left', () => {
    expect(brief('About 900 people boarded evacuation trains in Pokrovsk on Tuesday.')).toEqual([
      expect.objectContaining({ asStated: 'About 900', metric: 'evacuees', origin: 'pokrovsk', destination: null }),
    ]);
  });
});

describe('border-agency statements', () => {
  it('drops "a total of N" entries over the past 24 hours as the day\'s entries', () => {
    expect(brief('A total of 11,200 Ukrainian citizens entered Romania in the past 24 hours, the border police said.')).toEqual([]);
  });

  it('keeps a gapped running total with its own period, with no day, after the day\'s entries', () => {
    expect(brief('10:15 Hungary: Police say 7,300 people crossed over the past day, and 255,000 since February 24.')).toEqual([
      expect.objectContaining({ asStated: '255,000', metric: 'refugees', destination: 'hu', date: null }),
    ]);
  });

  it('drops the people and vehicles a crossing handled on a day', () => {
    expect(brief('The Siret crossing handled 9,800 people and 2,100 vehicles on Sunday.')).toEqual([]);
  });

  it('reads a plural common noun opening the line as a topic, not a source', () => {
    expect(brief('Arrivals: On Monday, 2,400 people were evacuated from Sumy, Iryna Vereshchuk said.')).toEqual([
      expect.objectContaining({ asStated: '2,400', attribution: 'Iryna Vereshchuk' }),
    ]);
  });
});

describe('tags, shares and sub-groups', () => {
  it('reads an irregular past verb between a count and a name as its verb', () => {
    expect(brief('Of those, 2,040 left Berdyansk.')).toEqual([expect.objectContaining({ asStated: '2,040', metric: 'evacuees', origin: 'berdyansk' })]);
  });

  it('reads a qualified share as no figure', () => {
    expect(brief('Almost 1 in 5 Ukrainians has now left the country.')).toEqual([]);
  });

  it('reads people said to be a sub-group as no figure, but not a total a later clause breaks down', () => {
    expect(brief('About 800,000 of the arrivals are children, the agency said.')).toEqual([]);
    expect(brief('Some 3 million refugees have fled Ukraine, and most are women and children.')).toEqual([
      expect.objectContaining({ asStated: 'Some 3 million', metric: 'refugees' }),
    ]);
  });

  it('keeps a live blog\'s clock time out of the source\'s name', () => {
    expect(brief('16:20 Oleh Synehubov says 7 civilians were killed in Kharkiv.')).toEqual([
      expect.objectContaining({ asStated: '7', attribution: 'Oleh Synehubov' }),
    ]);
  });
});

describe('multi-sentence reports', () => {
  it('reads "according to the data" as the source named before', () => {
    expect(brief('The UN refugee agency said 2.5 million had fled Ukraine. Poland has taken in about 1.5 million, according to the data.')).toEqual([
      expect.objectContaining({ asStated: '2.5 million' }),
      expect.objectContaining({ asStated: 'about 1.5 million', destination: 'pl', attribution: 'UN refugee agency' }),
    ]);
  });

  it('keeps "the country" in the next sentence the host, not the country people came from', () => {
    expect(brief('SOFIA – Bulgaria has received 80,000 people from Ukraine, officials said.\nAbout 40,000 of them have stayed in the country.')).toEqual([
      expect.objectContaining({ asStated: '80,000', destination: 'bg' }),
      expect.objectContaining({ asStated: 'About 40,000', metric: 'refugees', destination: 'bg' }),
    ]);
  });

  it('reads the bodies of civilians as deaths', () => {
    expect(brief('The bodies of 57 civilians were found in Borodianka, officials said.')).toEqual([
      expect.objectContaining({ asStated: '57', metric: 'civilian_deaths', origin: 'borodianka' }),
    ]);
  });
});

describe('applicants', () => {
  it('reads people applying for protection or asylum as no figure', () => {
    expect(brief('The number of Ukrainians applying for temporary protection in Poland has reached 900,000.')).toEqual([]);
  });
});

describe('phrasings seen in stored 2022 reporting (sentences rewritten for this test)', () => {
  it('reads a change from an earlier count as no figure', () => {
    expect(brief('Some 3.9 million have fled, up 45,000 from Thursday.')).toEqual([expect.objectContaining({ asStated: 'Some 3.9 million' })]);
    expect(brief('Arrivals in Romania reached 530,000, an increase of 11,000.')).toEqual([expect.objectContaining({ asStated: '530,000' })]);
  });

  it('reads "N out of M" as a share, and keeps the place across the dashes around it', () => {
    expect(brief('About 1.1 million refugees – nearly four out of 10 – have gone to Poland.')).toEqual([
      expect.objectContaining({ asStated: 'About 1.1 million', destination: 'pl' }),
    ]);
  });

  it('reads people still in the home country as no figure', () => {
    expect(brief('Some 6 million people have left their homes but remain in Ukraine.')).toEqual([]);
  });

  it('names whose data a count was compiled from', () => {
    expect(brief('About 1.7 million people have fled Ukraine, according to national data compiled by the UNHCR.')).toEqual([
      expect.objectContaining({ attribution: 'UNHCR' }),
    ]);
  });

  it('does not read the country in a speaker\'s title as the origin of a count', () => {
    expect(brief('According to Olha Stefanishyna, Deputy Prime Minister of Ukraine, 4,100 people were evacuated on Sunday.')).toEqual([
      expect.objectContaining({ asStated: '4,100', origin: null }),
    ]);
  });

  it('reads "every day" late in the clause as a rate', () => {
    expect(brief('Hundreds of people are arriving at the Siret reception centre near the border every day.')).toEqual([]);
  });
});

describe('UN casualty updates and quotations', () => {
  it('drops an earlier report\'s value in brackets, and its day', () => {
    expect(brief('Civilian casualties stand at 2,800 (2,690 a day earlier), including 1,100 killed (1,081), the UN said.')).toEqual([
      expect.objectContaining({ asStated: '1,100', metric: 'civilian_deaths', date: null, attribution: 'UN' }),
    ]);
  });

  it('reads the injured after a bracketed value as injured, not deaths', () => {
    expect(brief('OHCHR counted 290 (281) killed and 640 (622) injured.')).toEqual([
      expect.objectContaining({ asStated: '290', metric: 'civilian_deaths' }),
    ]);
  });

  it('reads "the Donetsk and Luhansk regions" as the first region named', () => {
    expect(brief('At least 40 civilians were killed in the Donetsk and Luhansk regions.')).toEqual([
      expect.objectContaining({ origin: 'donetsk-region' }),
    ]);
  });

  it('does not read a country that acts as the place people were killed', () => {
    expect(brief('Since Belarus opened its border to Russian troops, 35 civilians have been killed in Chernihiv.')).toEqual([
      expect.objectContaining({ origin: 'chernihiv' }),
    ]);
    expect(brief('When Russia attacked, 12 civilians were killed.')).toEqual([expect.objectContaining({ origin: null })]);
  });

  it('reads the source through a participle clause and a dotted abbreviation', () => {
    expect(brief('The UN refugee agency, citing government data, said 2.2 million had fled.')).toEqual([
      expect.objectContaining({ attribution: 'UN refugee agency' }),
    ]);
    expect(brief('The U.N. refugee agency says 2.2 million have fled.')).toEqual([expect.objectContaining({ attribution: 'U.N. refugee agency' })]);
  });

  it('gives a figure in a quotation the speaker named where the quotation closes', () => {
    expect(brief('“About 150,000 people have reached Poland. More are coming,” said Pawel Szefernaker.')).toEqual([
      expect.objectContaining({ asStated: 'About 150,000', attribution: 'Pawel Szefernaker' }),
    ]);
  });
});

describe('place names', () => {
  it('does not read the United Nations or the European Union as a country', () => {
    expect(brief('The United Nations has confirmed at least 400 civilian deaths.')).toEqual([expect.objectContaining({ origin: null })]);
  });

  it('reads "the north-eastern Ukrainian city of Sumy" as Sumy', () => {
    expect(brief('Some 3,000 people left the north-eastern Ukrainian city of Sumy on Monday.')).toEqual([
      expect.objectContaining({ metric: 'evacuees', origin: 'sumy' }),
    ]);
  });
});

describe('where people were killed', () => {
  it('reads a town the table lacks after "killed in", and a breakdown\'s own towns', () => {
    expect(brief('Two civilians were killed in Avdiivka, the governor said.')).toEqual([expect.objectContaining({ origin: 'Avdiivka' })]);
    expect(brief('Shelling killed 3 civilians in the Donetsk region: 2 - in Bakhmut, 1 - in Soledar.')).toEqual([
      expect.objectContaining({ asStated: '3', origin: 'donetsk-region' }),
      expect.objectContaining({ asStated: '2', origin: 'Bakhmut' }),
      expect.objectContaining({ asStated: '1', origin: 'Soledar' }),
    ]);
  });

  it('does not read the place in an official\'s title as where people were killed', () => {
    expect(brief('Donetsk Oblast Governor Pavlo Kyrylenko said 4 civilians were killed.')).toEqual([expect.objectContaining({ origin: null })]);
  });
});

describe('"had done so"', () => {
  it('repeats the movement and the place of the sentence before', () => {
    expect(brief('Many of those fleeing have crossed into Romania.\n\nThe border police said 310,000 people had done so.')).toEqual([
      expect.objectContaining({ asStated: '310,000', metric: 'refugees', destination: 'ro' }),
    ]);
  });
});

describe('"according to" a body\'s figures', () => {
  it('names the body, without the data noun and its modifiers', () => {
    expect(brief("According to UNHCR's latest figures, 2.8 million people have fled Ukraine.")).toEqual([expect.objectContaining({ attribution: 'UNHCR' })]);
    expect(brief('About 3 million have fled Ukraine, according to the latest UN tally.')).toEqual([expect.objectContaining({ attribution: 'UN' })]);
  });
});

describe('a day after a later part', () => {
  it('gives "and N on Tuesday alone" and "including N on Sunday" their day, not the total before them', () => {
    expect(brief('Slovak police said 240,000 people had crossed since February 24, and 8,000 on Tuesday alone.')).toEqual([
      expect.objectContaining({ asStated: '240,000', metric: 'refugees', date: null }),
    ]);
    expect(brief('A total of 190,000 Ukrainians have entered Hungary, including 12,000 on Sunday.')).toEqual([
      expect.objectContaining({ asStated: '190,000', date: null }),
    ]);
  });
});
