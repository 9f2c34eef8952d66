// /docs has one page so far: the API reference.
import { redirect } from 'next/navigation';

export default function DocsIndex() {
  redirect('/docs/api');
}
