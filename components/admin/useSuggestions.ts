'use client';
// What a picker suggests from a search route as the user types (GET /api/v1/places,
// /api/v1/sources): asked a moment after the typing stops, each query once for the
// whole page (answers are shared by every picker), and only the latest query's answer
// shown. A failed request is forgotten, so the same query is asked again next time.
import { useEffect, useRef, useState } from 'react';

const answers = new Map<string, Promise<unknown[]>>();

function ask<T>(path: string, field: string, q: string): Promise<T[]> {
  const url = `${path}?${new URLSearchParams({ q })}`;
  let answer = answers.get(url);
  if (!answer) {
    answer = fetch(url)
      .then((r) => (r.ok ? r.json() : Promise.reject(new Error(`${path} answered ${r.status}`))))
      .then((body: Record<string, unknown[]>) => body[field]);
    answer.catch(() => answers.delete(url));
    answers.set(url, answer);
  }
  return answer as Promise<T[]>;
}

export interface Suggestions<T> {
  found: T[];
  /** The query `found` answers (to say "nothing matches" only once that is known). */
  answered?: string;
  failed: boolean;
}

/**
 * Suggestions for `q` (trimmed by the caller) from `path`, whose JSON lists them under
 * `field`. Nothing is asked, and nothing is suggested, while `enabled` is false. An
 * empty `q` is asked at once (a picker browsing on focus); typing waits `delayMs`.
 */
export function useSuggestions<T>(path: string, field: string, q: string, enabled: boolean, delayMs = 120): Suggestions<T> {
  const [state, setState] = useState<Suggestions<T>>({ found: [], failed: false });
  const latest = useRef('');
  useEffect(() => {
    latest.current = q;
    if (!enabled) {
      setState((s) => (s.found.length || s.failed ? { found: [], failed: false } : s));
      return;
    }
    setState((s) => (s.failed ? { ...s, failed: false } : s));
    const timer = setTimeout(() => {
      ask<T>(path, field, q).then(
        (found) => { if (latest.current === q) setState({ found, answered: q, failed: false }); },
        () => { if (latest.current === q) setState((s) => ({ ...s, failed: true })); },
      );
    }, q ? delayMs : 0);
    return () => clearTimeout(timer);
  }, [path, field, q, enabled, delayMs]);
  return state;
}
