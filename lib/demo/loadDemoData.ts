// Loads the demo dataset into an empty database, once. Runs in one transaction
// under an advisory lock, so two starts at once (or a start killed half-way)
// never leave a partial or doubled dataset.
import { db, type Db } from '@/lib/db/client';
import { DEMO_EVENTS, DEMO_FIGURES, DEMO_METRICS, DEMO_ORGS, DEMO_PLACES, DEMO_SOURCES } from './demoData';

export const DEMO_SETTING_KEY = 'demo_data';
const DEMO_LOCK_KEY = 72_617_002;

export type DemoLoadResult = { loaded: true; figures: number } | { loaded: false; reason: 'not-empty' };

const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

/** True when the database holds no figures, sources, metrics or places. */
export async function isDatabaseEmpty(db: Pick<Db, 'figure' | 'source' | 'metric' | 'place'>): Promise<boolean> {
  const [f, s, m, p] = await Promise.all([
    db.figure.findFirst({ select: { id: true } }),
    db.source.findFirst({ select: { id: true } }),
    db.metric.findFirst({ select: { id: true } }),
    db.place.findFirst({ select: { id: true } }),
  ]);
  return !f && !s && !m && !p;
}

export async function loadDemoData(db: Db): Promise<DemoLoadResult> {
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(${DEMO_LOCK_KEY})`;
      if (!(await isDatabaseEmpty(tx))) return { loaded: false, reason: 'not-empty' } as const;

      const metricIds = new Map<string, number>();
      for (const m of DEMO_METRICS) {
        const row = await tx.metric.create({ data: m, select: { id: true } });
        metricIds.set(m.key, row.id);
      }
      const placeIds = new Map<string, number>();
      for (const p of DEMO_PLACES) {
        const row = await tx.place.create({
          data: {
            name: p.name,
            type: p.type,
            code: p.code,
            aliases: p.aliases ?? [],
            latitude: p.lat,
            longitude: p.lng,
            parentId: p.parent ? placeIds.get(p.parent) : undefined,
          },
          select: { id: true },
        });
        placeIds.set(p.key, row.id);
      }
      const orgIds = new Map<string, number>();
      for (const o of DEMO_ORGS) {
        const row = await tx.organization.create({ data: { name: o.name, type: o.type, url: o.url }, select: { id: true } });
        orgIds.set(o.key, row.id);
      }
      const sourceIds = new Map<string, number>();
      for (const s of DEMO_SOURCES) {
        const row = await tx.source.create({
          data: {
            title: s.title,
            url: s.url,
            publisherId: orgIds.get(s.publisher),
            publishedAt: day(s.publishedAt),
            accessedAt: day(s.accessedAt),
            preferred: s.preferred ?? false,
          },
          select: { id: true },
        });
        sourceIds.set(s.key, row.id);
      }
      const now = new Date();
      for (const f of DEMO_FIGURES) {
        const data = {
          metricId: metricIds.get(f.metric)!,
          low: f.low,
          high: f.high,
          qualifier: f.qualifier,
          valueAsStated: f.asStated,
          asOf: day(f.asOf),
          periodStart: f.periodStart ? day(f.periodStart) : null,
          periodEnd: f.periodEnd ? day(f.periodEnd) : null,
          originId: f.origin ? placeIds.get(f.origin)! : null,
          destinationId: f.destination ? placeIds.get(f.destination)! : null,
          sourceId: sourceIds.get(f.source)!,
          quote: f.quote,
          attribution: f.attribution,
          notes: f.notes ?? null,
          status: 'PUBLISHED' as const,
          publishedAt: now,
        };
        const row = await tx.figure.create({ data, select: { id: true } });
        await tx.figureRevision.create({
          data: {
            figureId: row.id,
            version: 1,
            action: 'CREATE',
            after: { ...data, low: String(data.low), high: String(data.high) },
            reason: 'Demo data loaded at first start',
          },
        });
      }
      for (const e of DEMO_EVENTS) {
        await tx.event.create({
          data: {
            date: day(e.date),
            endDate: e.endDate ? day(e.endDate) : null,
            title: e.title,
            description: e.description,
            placeId: e.place ? placeIds.get(e.place) : null,
            sourceId: e.source ? sourceIds.get(e.source) : null,
          },
        });
      }
      await tx.appSetting.create({ data: { key: DEMO_SETTING_KEY, value: { loadedAt: now.toISOString(), figures: DEMO_FIGURES.length } } });
      return { loaded: true, figures: DEMO_FIGURES.length } as const;
    },
    { timeout: 60_000 },
  );
}

/** Whether the demo dataset is loaded, for the "Demo data" banner. */
export async function isDemoDataLoaded(client: Pick<Db, 'appSetting'> = db): Promise<boolean> {
  const row = await client.appSetting.findUnique({ where: { key: DEMO_SETTING_KEY }, select: { key: true } });
  return row !== null;
}
