// What forbidden() renders (HTTP 403): a signed-in person whose role lacks the page.
import { getActor } from '@/lib/auth/session';

export const metadata = { title: 'Not allowed — Corridor' };

export default async function Forbidden() {
  const actor = await getActor().catch(() => null);
  return (
    <section className="narrow">
      <h1>Not allowed</h1>
      <p role="alert">
        Your role does not give access to that page{actor ? ` (you are signed in as ${actor.email}, ${actor.role.toLowerCase()})` : ''}. Ask an admin if you need it.
      </p>
      <p><a href="/">Back to the dashboard</a></p>
    </section>
  );
}
