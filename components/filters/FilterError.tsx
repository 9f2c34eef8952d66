// Shown instead of a page when the URL holds a filter the app cannot read.
export function FilterError({ message, href }: { message: string; href: string }) {
  return (
    <div role="alert" className="empty-state">
      <h1>These filters cannot be read</h1>
      <p>{message}</p>
      <p><a href={href}>Clear the filters</a></p>
    </div>
  );
}
