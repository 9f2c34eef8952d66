// The figure form's validation: every problem at once, keyed by the input to fix.
import { parseFigureForm } from '@/lib/figures/figureInput';

const complete = {
  metricId: '3',
  value: 'Some 60',
  qualifier: '',
  periodStart: '2022-03-08',
  periodEnd: '',
  originId: '4',
  sourceMode: 'new',
  sourcePublisher: 'Reuters',
  sourcePublishedAt: '2022-03-09',
  sourceTitle: '',
  sourceUrl: '',
  quote: 'Some 60 buses carried people out of Sumy in two convoys on Tuesday',
};

describe('parseFigureForm', () => {
  it('reports every missing piece of an empty form at once', () => {
    const result = parseFigureForm({});
    expect(result.ok).toBe(false);
    expect(Object.keys(!result.ok ? result.errors : {})).toEqual(['metricId', 'value', 'asOf', 'sourceId']);
  });

  it('reports bad fields and joined-field problems together', () => {
    const result = parseFigureForm({ ...complete, metricId: 'x', value: 'NaN', periodStart: '2022-02-30', sourcePublisher: '', sourcePublishedAt: '', sourceUrl: 'ftp://x' });
    expect(!result.ok && result.errors).toEqual({
      metricId: 'Pick an entry from the list.',
      value: expect.stringMatching(/not a number/),
      periodStart: expect.stringMatching(/not a calendar date/),
      sourceTitle: 'Enter a title or the date it was published.',
      sourceUrl: expect.stringMatching(/http:\/\/ or https:\/\//),
      sourcePublisher: 'Enter the publisher, e.g. Reuters or UNHCR.',
    });
  });

  it('takes a count for one day from either end of its period, and a source with no URL or title', () => {
    const result = parseFigureForm(complete);
    if (!result.ok) throw new Error(JSON.stringify(result.errors));
    expect(result.data).toMatchObject({ metricId: 3, qualifier: 'APPROXIMATE', low: 60n, high: 60n, valueAsStated: 'Some 60', originId: 4, sourceId: null });
    expect([result.data.asOf, result.data.periodStart, result.data.periodEnd].map((d) => d?.toISOString().slice(0, 10))).toEqual(['2022-03-08', '2022-03-08', '2022-03-08']);
    expect(result.data.newSource).toMatchObject({ title: 'Reuters, 9 Mar 2022', url: null, publisher: 'Reuters' });
  });

  it('refuses a period that ends before it starts', () => {
    const result = parseFigureForm({ ...complete, periodStart: '2022-03-09', periodEnd: '2022-03-08' });
    expect(!result.ok && result.errors).toEqual({ periodStart: 'The period starts after it ends; swap the dates.' });
  });
});
