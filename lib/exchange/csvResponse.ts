// The response every CSV download is sent with: its type (with `header=present`
// when an HXL row follows the header), a file name and its metadata (caching headers come
// from proxy.ts: public with an ETag for anonymous reads, private otherwise):
// a link to the Data Package that describes the columns and, when the database
// was loaded with a curated dataset, that dataset's title.
import { getLoadedDataset } from './dataset';
import { attachment } from './exportFilename';
import type { CsvOptions } from './figureExport';

export const DATASET_HEADER = 'x-corridor-dataset';

/** `open` starts the COPY; it runs last, so nothing can fail after the stream is open. */
export async function csvResponse(filename: string, options: Pick<CsvOptions, 'hxl'>, open: () => Promise<ReadableStream<Uint8Array>>): Promise<Response> {
  const dataset = await getLoadedDataset();
  return new Response(await open(), {
    headers: {
      'content-type': `text/csv; charset=utf-8${options.hxl ? '; header=present' : ''}`,
      'content-disposition': attachment(filename),
      'x-content-type-options': 'nosniff',
      link: '</api/v1/datapackage.json>; rel="describedby"; type="application/json"',
      ...(dataset ? { [DATASET_HEADER]: dataset.title } : {}),
    },
  });
}
