// The curated dataset `npm start` loads into an empty database: figures from 2022
// public reporting on the Russian invasion of Ukraine, kept in Corridor's own
// export format in data/ukraine-2022/ (see its README.md for how it was curated).
import { join } from 'node:path';

export interface Dataset {
  name: string;
  title: string;
  description: string;
  dir: string;
  files: { places: string; figures: string; events: string; sources: string };
}

export const DATASET: Dataset = {
  name: 'ukraine-2022',
  title: 'Ukraine 2022: curated from public reports, for demonstration',
  description:
    'Refugees from Ukraine (UNHCR totals and national border agencies by first country of arrival), evacuees and buses per corridor, ' +
    'and civilian deaths (OHCHR), 24 February to 31 May 2022, each figure with the URL, publisher, title and publication date of the ' +
    'page that states it, the attribution and a short verbatim quote. Curated from public reports for demonstration; not an official ' +
    'or complete record.',
  dir: join(process.cwd(), 'data', 'ukraine-2022'),
  /** Loaded in this order: places before the figures and events that name them. */
  files: { places: 'places.csv', figures: 'figures.csv', events: 'events.csv', sources: 'sources.csv' },
};

/** Metrics the figures use; they exist before the figures load (admins define metrics in the app). */
export const DATASET_METRICS = [
  { key: 'refugees', label: 'Refugees', unit: 'people', kind: 'STOCK', hxlTag: '#affected+refugees', keywords: ['refugees', 'refugee', 'fled', 'crossed the border', 'crossed into'], description: 'People who have fled the country so far (running total).' },
  { key: 'evacuees', label: 'Evacuees', unit: 'people', kind: 'FLOW', hxlTag: '#affected+evacuated', keywords: ['evacuated', 'evacuees', 'evacuation', 'were taken out'], description: 'People evacuated in an event or period.' },
  { key: 'buses', label: 'Evacuation buses', unit: 'vehicles', kind: 'FLOW', hxlTag: '#indicator+buses+num', keywords: ['buses', 'bus', 'coaches'], description: 'Buses used for evacuation in an event or period.' },
  { key: 'civilian_deaths', label: 'Civilian deaths', unit: 'people', kind: 'STOCK', hxlTag: '#affected+killed', keywords: ['civilians killed', 'civilians have died', 'civilian deaths', 'killed'], description: 'Civilians killed since 24 February 2022 (running total).' },
  { key: 'civilian_deaths_period', label: 'Civilian deaths in a period', unit: 'people', kind: 'FLOW', hxlTag: '#affected+killed+period', keywords: ['killed', 'died', 'deaths'], description: 'Civilians killed during a stated period.' },
] as const;
