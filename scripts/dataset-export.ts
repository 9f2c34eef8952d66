// `npm run dataset:export -- --database-url postgresql://…`: writes the curated
// dataset's files (data/ukraine-2022/) from a database that holds it, through the
// same exporters as the API (HXL row, formula-looking cells neutralised), plus the
// Data Package that describes them. Curators load the dataset into a scratch
// database, correct it in the app, and export it back with this.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : undefined;
}

async function text(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

async function main() {
  const url = arg('database-url');
  if (!url) throw new Error('pass --database-url postgresql://… (a database that holds the dataset)');
  process.env.DATABASE_URL = url;
  const { DATASET } = await import('../lib/demo/dataset');
  const { streamFiguresCsv } = await import('../lib/exchange/figureExport');
  const { streamEventsCsv, streamPlacesCsv, streamSourcesCsv } = await import('../lib/exchange/recordExport');
  const { buildDataPackage } = await import('../lib/exchange/datapackage');
  const { parseFigureFilters } = await import('../lib/figures/filters');
  const options = { bom: false, hxl: true, raw: false };
  const files = {
    [DATASET.files.figures]: await text(await streamFiguresCsv(parseFigureFilters({}), options)),
    [DATASET.files.sources]: await text(await streamSourcesCsv(options)),
    [DATASET.files.places]: await text(await streamPlacesCsv(options)),
    [DATASET.files.events]: await text(await streamEventsCsv(options)),
  };
  for (const [name, content] of Object.entries(files)) await writeFile(join(DATASET.dir, name), content);
  const pkg = buildDataPackage({
    pathOf: (resource) => DATASET.files[resource],
    name: DATASET.name,
    title: DATASET.title,
    description: DATASET.description,
    hxlRow: true,
  });
  await writeFile(join(DATASET.dir, 'datapackage.json'), JSON.stringify({ ...pkg, created: undefined }, null, 2) + '\n');
  console.log(`[dataset] wrote ${Object.keys(files).join(', ')} and datapackage.json to ${DATASET.dir}`);
  const { closeSql } = await import('../lib/db/sql');
  await closeSql();
}

main().catch((err) => {
  console.error(`[dataset] error: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
