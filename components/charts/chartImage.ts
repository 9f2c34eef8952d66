// A chart as a self-contained picture: the drawn SVG with every style it uses
// written onto its elements, framed by the title and units above and the legend,
// source line and retrieval date below. The PNG is that same SVG drawn onto a
// canvas in the browser, so both files carry the same words.
import type { LegendItem } from './chartMarks';

export interface ChartImageText {
  title: string;
  units: string;
  legend: LegendItem[];
  /** The events the chart numbers, "1. 2022-03-03 Second round of talks". */
  events: string[];
  source: string;
  retrieved: string;
}

/** Properties a chart's look depends on; copied from the computed style so no stylesheet is needed. */
const STYLE_PROPERTIES = [
  'fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'opacity',
  'font-family', 'font-size', 'font-weight', 'text-anchor', 'dominant-baseline', 'visibility', 'display',
] as const;

const SVG_NS = 'http://www.w3.org/2000/svg';
const FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif';
const LINE = 18;

function inlineStyles(source: Element, target: Element): void {
  const computed = getComputedStyle(source);
  const style = STYLE_PROPERTIES.map((p) => `${p}:${computed.getPropertyValue(p)}`).join(';');
  target.setAttribute('style', style);
  const from = source.children, to = target.children;
  for (let i = 0; i < from.length && i < to.length; i++) inlineStyles(from[i], to[i]);
}

function text(doc: Document, x: number, y: number, content: string, size: number, weight = 400, fill = '#1b1f24'): SVGTextElement {
  const t = doc.createElementNS(SVG_NS, 'text');
  t.setAttribute('x', String(x));
  t.setAttribute('y', String(y));
  t.setAttribute('style', `font-family:${FONT};font-size:${size}px;font-weight:${weight};fill:${fill}`);
  t.textContent = content;
  return t;
}

/** Splits words into lines of about `chars` characters. */
function wrap(content: string, chars: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of content.split(' ')) {
    if (line && (line + ' ' + word).length > chars) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The chart `svg` (as drawn on the page) framed with its words, as SVG text.
 * `legendSwatches` are the legend's drawn swatches (<svg> elements), in order.
 */
export function chartSvgText(svg: SVGSVGElement, legendSwatches: SVGSVGElement[], words: ChartImageText): string {
  const doc = svg.ownerDocument;
  const width = Math.max(320, Math.round(svg.getBoundingClientRect().width));
  const chartHeight = Math.round(svg.getBoundingClientRect().height);
  const chars = Math.floor((width - 24) / 7);
  const root = doc.createElementNS(SVG_NS, 'svg');
  root.setAttribute('xmlns', SVG_NS);
  root.setAttribute('width', String(width));
  const background = doc.createElementNS(SVG_NS, 'rect');
  background.setAttribute('width', '100%');
  background.setAttribute('height', '100%');
  background.setAttribute('fill', '#ffffff');
  root.append(background);
  const title = doc.createElementNS(SVG_NS, 'title');
  title.textContent = `${words.title} (${words.units})`;
  root.append(title);

  let y = 26;
  for (const line of wrap(words.title, Math.floor(chars * 0.8))) {
    root.append(text(doc, 12, y, line, 18, 700));
    y += 22;
  }
  root.append(text(doc, 12, y, words.units, 13, 400, '#57606a'));
  y += 8;

  const chart = svg.cloneNode(true) as SVGSVGElement;
  inlineStyles(svg, chart);
  chart.setAttribute('x', '0');
  chart.setAttribute('y', String(y));
  chart.removeAttribute('tabindex');
  chart.removeAttribute('role');
  chart.querySelector('title')?.remove();
  root.append(chart);
  y += chartHeight + 8;

  words.legend.forEach((item, i) => {
    y += LINE;
    const swatch = legendSwatches[i]?.cloneNode(true) as SVGSVGElement | undefined;
    if (swatch) {
      swatch.setAttribute('x', '12');
      swatch.setAttribute('y', String(y - 11));
      root.append(swatch);
    }
    root.append(text(doc, 42, y, item.label, 12));
  });
  for (const event of words.events) for (const line of wrap(event, chars)) {
    y += 16;
    root.append(text(doc, 12, y, line, 11, 400, '#57606a'));
  }
  y += 10;
  for (const line of [...wrap(words.source, chars), words.retrieved]) {
    y += 16;
    root.append(text(doc, 12, y, line, 11, 400, '#57606a'));
  }
  const height = y + 12;
  root.setAttribute('height', String(height));
  root.setAttribute('viewBox', `0 0 ${width} ${height}`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(root)}`;
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** A PNG tEXt chunk (Latin-1 keyword and text; other characters become "?"). */
function textChunk(keyword: string, value: string): Uint8Array<ArrayBuffer> {
  const latin1 = (t: string) => Uint8Array.from(t, (ch) => (ch.charCodeAt(0) < 256 ? ch.charCodeAt(0) : 63));
  const data = new Uint8Array([...latin1('tEXt'), ...latin1(keyword), 0, ...latin1(value)]);
  const chunk = new Uint8Array(12 + data.length - 4);
  const view = new DataView(chunk.buffer);
  view.setUint32(0, data.length - 4);
  chunk.set(data, 4);
  view.setUint32(chunk.length - 4, crc32(data));
  return chunk;
}

/** The PNG with its words as tEXt chunks after the header chunk, so the file names its chart. */
async function withText(png: Blob, entries: Record<string, string>): Promise<Blob> {
  const bytes: Uint8Array<ArrayBuffer> = new Uint8Array(await png.arrayBuffer());
  const afterHeader = 8 + 25; // signature, then IHDR (4 length + 4 type + 13 data + 4 CRC)
  const chunks = Object.entries(entries).map(([k, v]) => textChunk(k, v));
  return new Blob([bytes.subarray(0, afterHeader), ...chunks, bytes.subarray(afterHeader)], { type: 'image/png' });
}

/** The SVG text drawn onto a canvas at twice its size, as PNG bytes with its words as tEXt. */
export async function svgToPng(svgText: string, words: Pick<ChartImageText, 'title' | 'units' | 'source' | 'retrieved'>): Promise<Blob> {
  const url = URL.createObjectURL(new Blob([svgText], { type: 'image/svg+xml' }));
  try {
    const image = new Image();
    image.decoding = 'sync';
    await new Promise<void>((resolve, reject) => {
      image.onload = () => resolve();
      image.onerror = () => reject(new Error('The chart image could not be drawn.'));
      image.src = url;
    });
    const canvas = document.createElement('canvas');
    canvas.width = image.naturalWidth * 2;
    canvas.height = image.naturalHeight * 2;
    const context = canvas.getContext('2d')!;
    context.scale(2, 2);
    context.drawImage(image, 0, 0);
    const png = await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('The PNG could not be made.'))), 'image/png'));
    return withText(png, { Title: `${words.title} (${words.units})`, Source: words.source, 'Creation Time': words.retrieved });
  } finally {
    URL.revokeObjectURL(url);
  }
}

export function download(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = filename;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
