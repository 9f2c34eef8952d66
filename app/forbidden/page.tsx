export const metadata = { title: 'Not allowed — Corridor' };

export default function ForbiddenPage() {
  return (
    <section className="narrow">
      <h1>Not allowed</h1>
      <p role="alert">Your role does not give access to that page. Ask an admin if you need it.</p>
      <p><a href="/">Back to the dashboard</a></p>
    </section>
  );
}
