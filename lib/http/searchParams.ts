// Next.js hands pages their query as a record; the parsers read URLSearchParams.

export function toSearchParams(params: Record<string, string | string[] | undefined>): URLSearchParams {
  const out = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) for (const one of ([] as string[]).concat(value ?? [])) out.append(key, one);
  return out;
}
