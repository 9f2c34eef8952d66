// "Embed": the iframe code for a chart, behind a disclosure (keyboard-operable, no JavaScript).
import { CopyBlock } from './CopyBlock';

export function iframeCode(src: string, title: string): string {
  return `<iframe src="${src}" title="${title.replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`)}" width="100%" height="460" style="border:0" loading="lazy"></iframe>`;
}

export function EmbedCode({ src, title, note }: { src: string; title: string; note: string }) {
  return (
    <details className="embed-code">
      <summary>Embed</summary>
      <p className="muted">{note}</p>
      <CopyBlock label={`Embed code: ${title}`} text={iframeCode(src, title)} rows={3} />
    </details>
  );
}
