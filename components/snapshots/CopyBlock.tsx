// A read-only block of text to copy (citation, BibTeX, CSL-JSON, embed code):
// selectable by keyboard and mouse without JavaScript.
export function CopyBlock({ label, text, rows = 4 }: { label: string; text: string; rows?: number }) {
  const id = `copy-${label.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <p className="copy-block">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} readOnly rows={rows} value={text} spellCheck={false} />
    </p>
  );
}
