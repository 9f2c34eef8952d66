// Issue 10, item 1: an upload that is cut short or too large is refused before
// anything is written, whatever the proxy or the network did to the body.
import { createApiToken } from '@/lib/auth/apiTokens';
import { POST } from '@/app/api/v1/figures/import/route';
import { db } from '@/lib/db/client';
import { resetDatabase } from '../../../../helpers/db';
import { seedExchangeData } from '../../../../lib/exchange/fixtures';
import { createUser, tableCounts } from '../../../../lib/exchange/importHelpers';

const HEADER = 'metric,value_low,as_of,source_title,source_url,quote,attribution\n';
const row = (i: number) => `refugees,${1000 + i},2022-03-03,Statement ${i},https://example.org/limits/${i},"${i} people have fled.",UNHCR\n`;
const file = (rows: number) => HEADER + Array.from({ length: rows }, (_, i) => row(i)).join('');

/** A body stream that yields `text` in chunks, then ends, or breaks off with an error when `breakOff` is set. */
function streamOf(text: string, { chunk = 4096, breakOff = false } = {}): ReadableStream<Uint8Array> {
  const bytes = new TextEncoder().encode(text);
  let offset = 0;
  return new ReadableStream({
    pull(controller) {
      if (offset >= bytes.length) {
        if (breakOff) controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
        else controller.close();
        return;
      }
      controller.enqueue(bytes.subarray(offset, offset + chunk));
      offset += chunk;
    },
  });
}

async function editorToken() {
  const user = await createUser('EDITOR');
  return (await createApiToken({ userId: user.id, email: user.email, name: user.name, role: 'EDITOR', via: 'session' }, 'limits')).token;
}

const post = (token: string, body: ReadableStream<Uint8Array>, headers: Record<string, string> = {}) =>
  POST(new Request('http://localhost/api/v1/figures/import?dryRun=0', {
    method: 'POST', body, duplex: 'half', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}`, ...headers },
  } as RequestInit));

describe('POST /api/v1/figures/import: size and truncation', () => {
  let token: string;
  beforeEach(async () => {
    await resetDatabase();
    await seedExchangeData();
    token = await editorToken();
  });
  afterEach(() => {
    delete process.env.IMPORT_MAX_MB;
  });

  it('refuses a body that ends short of its Content-Length and commits none of the rows that did arrive', async () => {
    // What a proxy's body limit did: the stream ends cleanly after whole rows, short of what was announced.
    const sent = file(20);
    const before = await tableCounts();
    const response = await post(token, streamOf(sent), { 'content-length': String(Buffer.byteLength(sent) + 5000) });
    expect(response.status).toBe(400);
    const { error } = await response.json();
    expect(error.param).toBe('file');
    expect(error.message).toMatch(/Content-Length/);
    expect(await tableCounts()).toEqual(before);
    expect(await db.importRun.count({ where: { dryRun: false } })).toBe(0);
  });

  it('commits a body exactly as long as its Content-Length', async () => {
    const sent = file(20);
    const response = await post(token, streamOf(sent), { 'content-length': String(Buffer.byteLength(sent)) });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ committed: true, newRows: 20 });
  });

  it('answers 400, not 500, when the connection breaks off mid-upload, and writes nothing', async () => {
    const before = await tableCounts();
    const response = await post(token, streamOf(file(20), { breakOff: true }));
    expect(response.status).toBe(400);
    expect((await response.json()).error).toMatchObject({ param: 'file' });
    expect(await tableCounts()).toEqual(before);
  });

  it('counts the bytes of a chunked upload and refuses it past IMPORT_MAX_MB with 413, writing nothing', async () => {
    process.env.IMPORT_MAX_MB = '0.01'; // read per request; 10,485 bytes
    jest.resetModules();
    const { POST: limitedPost } = await import('@/app/api/v1/figures/import/route');
    const sent = file(400); // ~30 kB, no Content-Length: only counting can catch it
    const before = await tableCounts();
    const response = await limitedPost(new Request('http://localhost/api/v1/figures/import?dryRun=0', {
      method: 'POST', body: streamOf(sent), duplex: 'half', headers: { 'content-type': 'text/csv', authorization: `Bearer ${token}` },
    } as RequestInit));
    expect(response.status).toBe(413);
    const { error } = await response.json();
    expect(error.message).toMatch(/IMPORT_MAX_MB/);
    expect(error.message).toMatch(/0\.01 MB/);
    expect(await tableCounts()).toEqual(before);
  });
});
