// The extract page after a save: how many drafts, where they went, and what next.
import type { Ref } from 'react';
import type { SaveState } from '@/lib/extract/pageState';
import styles from './Extract.module.css';

export function SavedDrafts({ ref, saved, sourceName }: { ref: Ref<HTMLDivElement>; saved: SaveState; sourceName: string }) {
  const count = saved.figureIds?.length ?? 0;
  return (
    <div ref={ref} tabIndex={-1} className={styles.success} role="status">
      <h2>Saved {count === 1 ? '1 draft figure' : `${count} draft figures`}</h2>
      <p>
        {saved.sourceCreated ? 'A new source was created' : 'They were added to the existing source'} “{sourceName}”.
      </p>
      <ul>
        {saved.figureIds?.map((id) => (
          <li key={id}>
            <a href={`/admin/figures/${id}/edit`}>Review figure {id}</a>
          </li>
        ))}
      </ul>
      <p className={styles.actions}>
        <a className="button-link" href={`/admin/review?source=${saved.sourceId}`}>
          Review these drafts
        </a>
        <a href="/admin/extract">Extract another report</a>
      </p>
    </div>
  );
}
