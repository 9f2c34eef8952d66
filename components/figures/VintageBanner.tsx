// "Data as published on …": shown on every page read at a vintage, with a link
// to the same view on the current data.
import { formatInstant } from '@/lib/figures/formatDay';

export function VintageBanner({ vintage, currentHref }: { vintage: string; currentHref: string }) {
  return (
    <p className="vintage-banner" role="note">
      Data as published on <time dateTime={vintage}>{formatInstant(vintage)}</time>. Later corrections, retractions and
      new figures are not shown. <a href={currentHref}>See the current data</a>
    </p>
  );
}
