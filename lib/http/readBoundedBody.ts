// Reads a small request body as text, refusing it (413) once it passes `maxBytes`
// without buffering the rest, whatever Content-Length claimed.
import { AppError } from './AppError';

export async function readBoundedBody(request: Request, maxBytes: number, param?: string): Promise<string> {
  const tooLarge = () => new AppError('PAYLOAD_TOO_LARGE', `The request body is larger than ${maxBytes.toLocaleString('en')} bytes.`, param);
  if (Number(request.headers.get('content-length') ?? 0) > maxBytes) throw tooLarge();
  if (!request.body) return '';
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  try {
    for await (const chunk of request.body as unknown as AsyncIterable<Uint8Array>) {
      size += chunk.byteLength;
      if (size > maxBytes) throw tooLarge();
      text += decoder.decode(chunk, { stream: true });
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError('BAD_REQUEST', 'The request body broke off before it was complete. Send it again.', param);
  }
  return text + decoder.decode();
}
