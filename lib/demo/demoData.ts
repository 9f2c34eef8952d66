// The demo dataset: figures from March 2022 public reporting on the Russian
// invasion of Ukraine. It is labelled "Demo data" in the UI; quotes are short
// passages stating each figure, kept under 20 words.
import type { MetricKind, OrganizationType, PlaceType, Qualifier } from '@/lib/db/generated/enums';

export interface DemoMetric { key: string; label: string; unit: string; kind: MetricKind; hxlTag: string; keywords: string[]; description: string }
export interface DemoPlace { key: string; name: string; type: PlaceType; parent?: string; code?: string; aliases?: string[]; lat: number; lng: number }
export interface DemoOrg { key: string; name: string; type: OrganizationType; url?: string }
export interface DemoSource { key: string; title: string; publisher: string; publishedAt: string; accessedAt: string; url?: string; preferred?: boolean }
export interface DemoFigure {
  metric: string; low: bigint; high: bigint; qualifier: Qualifier; asStated: string;
  asOf: string; periodStart?: string; periodEnd?: string;
  origin?: string; destination?: string; source: string;
  quote: string; attribution: string; notes?: string;
}
export interface DemoEvent { date: string; endDate?: string; title: string; description: string; place?: string; source?: string }

export const DEMO_METRICS: DemoMetric[] = [
  { key: 'refugees', label: 'Refugees', unit: 'people', kind: 'STOCK', hxlTag: '#affected+refugees', keywords: ['refugees', 'refugee', 'fled', 'crossed the border', 'crossed into'], description: 'People who have fled the country so far (running total).' },
  { key: 'evacuees', label: 'Evacuees', unit: 'people', kind: 'FLOW', hxlTag: '#affected+evacuated', keywords: ['evacuated', 'evacuees', 'evacuation', 'were taken out'], description: 'People evacuated in an event or period.' },
  { key: 'buses', label: 'Evacuation buses', unit: 'vehicles', kind: 'FLOW', hxlTag: '#indicator+buses+num', keywords: ['buses', 'bus', 'coaches'], description: 'Buses used for evacuation in an event or period.' },
  { key: 'civilian_deaths', label: 'Civilian deaths', unit: 'people', kind: 'STOCK', hxlTag: '#affected+killed', keywords: ['civilians killed', 'civilians have died', 'civilian deaths', 'killed'], description: 'Civilians killed since 24 February 2022 (running total).' },
  { key: 'civilian_deaths_period', label: 'Civilian deaths in a period', unit: 'people', kind: 'FLOW', hxlTag: '#affected+killed+period', keywords: ['killed', 'died', 'deaths'], description: 'Civilians killed during a stated period.' },
];

export const DEMO_PLACES: DemoPlace[] = [
  { key: 'ukraine', name: 'Ukraine', type: 'COUNTRY', code: 'UKR', lat: 48.3794, lng: 31.1656 },
  { key: 'poland', name: 'Poland', type: 'COUNTRY', code: 'POL', lat: 51.9194, lng: 19.1451 },
  { key: 'sumy_oblast', name: 'Sumy Oblast', type: 'ADMIN1', parent: 'ukraine', code: 'UA59', aliases: ['Sumska oblast', 'Sumy region'], lat: 50.9077, lng: 34.7981 },
  { key: 'sumy', name: 'Sumy', type: 'CITY', parent: 'sumy_oblast', lat: 50.9077, lng: 34.7981 },
  { key: 'kyiv', name: 'Kyiv', type: 'CITY', parent: 'ukraine', code: 'UA80', aliases: ['Kiev'], lat: 50.4501, lng: 30.5234 },
  { key: 'kyiv_oblast', name: 'Kyiv Oblast', type: 'ADMIN1', parent: 'ukraine', code: 'UA32', aliases: ['Kyivska oblast', 'Kyiv region'], lat: 50.053, lng: 30.7667 },
  { key: 'irpin', name: 'Irpin', type: 'CITY', parent: 'kyiv_oblast', aliases: ['Irpen'], lat: 50.5218, lng: 30.2506 },
  { key: 'bucha', name: 'Bucha', type: 'CITY', parent: 'kyiv_oblast', lat: 50.5434, lng: 30.2121 },
  { key: 'kharkiv_oblast', name: 'Kharkiv Oblast', type: 'ADMIN1', parent: 'ukraine', code: 'UA63', aliases: ['Kharkivska oblast'], lat: 49.9935, lng: 36.2304 },
  { key: 'kharkiv', name: 'Kharkiv', type: 'CITY', parent: 'kharkiv_oblast', aliases: ['Kharkov'], lat: 49.9935, lng: 36.2304 },
  { key: 'zaporizhzhia_oblast', name: 'Zaporizhzhia Oblast', type: 'ADMIN1', parent: 'ukraine', code: 'UA23', aliases: ['Zaporizka oblast'], lat: 47.8388, lng: 35.1396 },
  { key: 'zaporizhzhia', name: 'Zaporizhzhia', type: 'CITY', parent: 'zaporizhzhia_oblast', aliases: ['Zaporozhye', 'Zaporizhia'], lat: 47.8388, lng: 35.1396 },
  { key: 'poltava_oblast', name: 'Poltava Oblast', type: 'ADMIN1', parent: 'ukraine', code: 'UA53', aliases: ['Poltavska oblast'], lat: 49.5883, lng: 34.5514 },
  { key: 'poltava', name: 'Poltava', type: 'CITY', parent: 'poltava_oblast', lat: 49.5883, lng: 34.5514 },
];

export const DEMO_ORGS: DemoOrg[] = [
  { key: 'unhcr', name: 'UNHCR', type: 'UN_AGENCY', url: 'https://www.unhcr.org' },
  { key: 'wire', name: 'News wire service', type: 'NEWS_OUTLET' },
  { key: 'gbnews', name: 'GB News', type: 'NEWS_OUTLET', url: 'https://www.gbnews.com' },
  { key: 'president_office', name: 'Office of the President of Ukraine', type: 'GOVERNMENT', url: 'https://www.president.gov.ua' },
  { key: 'ses', name: 'State Emergency Service of Ukraine', type: 'EMERGENCY_SERVICE', url: 'https://dsns.gov.ua' },
];

export const DEMO_SOURCES: DemoSource[] = [
  { key: 'unhcr_0303', title: 'UNHCR statement: one million refugees have fled Ukraine', publisher: 'unhcr', publishedAt: '2022-03-03', accessedAt: '2022-03-04' },
  { key: 'unhcr_0306', title: 'UNHCR update on refugee arrivals from Ukraine, 6 March', publisher: 'unhcr', publishedAt: '2022-03-06', accessedAt: '2022-03-07' },
  { key: 'unhcr_0308', title: 'UNHCR briefing: two million people have fled Ukraine', publisher: 'unhcr', publishedAt: '2022-03-08', accessedAt: '2022-03-08' },
  { key: 'wire_0309', title: 'Wire report, 9 March: refugee estimate and Sumy evacuation convoys', publisher: 'wire', publishedAt: '2022-03-09', accessedAt: '2022-03-09' },
  { key: 'unhcr_0315', title: 'UNHCR update: three million refugees from Ukraine', publisher: 'unhcr', publishedAt: '2022-03-15', accessedAt: '2022-03-16' },
  { key: 'unhcr_0330', title: 'UNHCR Ukraine refugee situation, operational data portal', publisher: 'unhcr', publishedAt: '2022-03-30', accessedAt: '2022-03-31', url: 'https://data.unhcr.org/en/situations/ukraine' },
  { key: 'gb_0302', title: 'GB News live report, 2 March: civilian casualties in Ukraine', publisher: 'gbnews', publishedAt: '2022-03-02', accessedAt: '2022-03-02' },
];

export const DEMO_FIGURES: DemoFigure[] = [
  { metric: 'refugees', low: 1_000_000n, high: 1_000_000n, qualifier: 'AT_LEAST', asStated: 'at least one million', asOf: '2022-03-03', origin: 'ukraine', source: 'unhcr_0303', quote: 'At least one million refugees have fled Ukraine in just seven days.', attribution: 'Filippo Grandi, UN High Commissioner for Refugees' },
  { metric: 'refugees', low: 1_500_000n, high: 1_500_000n, qualifier: 'AT_LEAST', asStated: 'more than 1.5 million', asOf: '2022-03-06', origin: 'ukraine', source: 'unhcr_0306', quote: 'More than 1.5 million refugees from Ukraine have crossed into neighbouring countries.', attribution: 'Filippo Grandi, UN High Commissioner for Refugees' },
  { metric: 'refugees', low: 2_000_000n, high: 2_000_000n, qualifier: 'APPROXIMATE', asStated: 'about two million', asOf: '2022-03-08', origin: 'ukraine', source: 'unhcr_0308', quote: 'About two million people have now fled Ukraine.', attribution: 'UNHCR' },
  { metric: 'refugees', low: 2_100_000n, high: 2_200_000n, qualifier: 'RANGE', asStated: '2.1 to 2.2 million', asOf: '2022-03-09', origin: 'ukraine', source: 'wire_0309', quote: 'The UN refugee agency UNHCR estimated 2.1 to 2.2 million refugees had fled Ukraine.', attribution: 'UNHCR, as reported by a news wire', notes: 'An estimate, reported as a range.' },
  { metric: 'refugees', low: 3_000_000n, high: 3_000_000n, qualifier: 'APPROXIMATE', asStated: 'some three million', asOf: '2022-03-15', origin: 'ukraine', source: 'unhcr_0315', quote: 'Some three million refugees have now fled Ukraine.', attribution: 'UNHCR' },
  { metric: 'refugees', low: 4_000_000n, high: 4_000_000n, qualifier: 'AT_LEAST', asStated: 'more than four million', asOf: '2022-03-30', origin: 'ukraine', source: 'unhcr_0330', quote: 'More than four million refugees have fled Ukraine.', attribution: 'UNHCR' },
  { metric: 'evacuees', low: 5_000n, high: 5_000n, qualifier: 'AT_LEAST', asStated: 'more than 5,000', asOf: '2022-03-08', periodStart: '2022-03-08', periodEnd: '2022-03-08', origin: 'sumy', destination: 'poltava', source: 'wire_0309', quote: 'More than 5,000 people were evacuated from Sumy on Tuesday, Tymoshenko told local media.', attribution: 'Kyrylo Tymoshenko, Office of the President of Ukraine' },
  { metric: 'buses', low: 60n, high: 60n, qualifier: 'APPROXIMATE', asStated: 'some 60', asOf: '2022-03-08', periodStart: '2022-03-08', periodEnd: '2022-03-08', origin: 'sumy', destination: 'poltava', source: 'wire_0309', quote: 'Some 60 buses left Sumy in two convoys.', attribution: 'Kyrylo Tymoshenko, Office of the President of Ukraine', notes: 'Two convoys.' },
  { metric: 'civilian_deaths', low: 2_000n, high: 2_000n, qualifier: 'AT_LEAST', asStated: 'more than 2,000', asOf: '2022-03-02', periodStart: '2022-02-24', origin: 'ukraine', source: 'gb_0302', quote: 'More than 2,000 civilians have died since the invasion began.', attribution: 'State Emergency Service of Ukraine' },
  { metric: 'civilian_deaths_period', low: 21n, high: 21n, qualifier: 'EXACT', asStated: 'twenty-one', asOf: '2022-03-02', periodStart: '2022-03-01', periodEnd: '2022-03-02', origin: 'kharkiv', source: 'gb_0302', quote: 'Twenty-one people were killed in Kharkiv in the past 24 hours.', attribution: 'Kharkiv regional authorities' },
];

export const DEMO_EVENTS: DemoEvent[] = [
  { date: '2022-02-24', title: 'Invasion begins', description: 'Russia launches a full-scale invasion of Ukraine.', place: 'ukraine' },
  { date: '2022-03-09', title: 'Day-long ceasefire for corridors', description: 'Ceasefire from 09:00 to 21:00 around six evacuation corridors, including around Kyiv (Irpin, Bucha), in Zaporizhzhia and in the north-east.', place: 'ukraine', source: 'wire_0309' },
  { date: '2022-03-10', title: 'Kuleba–Lavrov talks in Antalya', description: 'The Ukrainian and Russian foreign ministers meet in Antalya, Turkey.' },
];
