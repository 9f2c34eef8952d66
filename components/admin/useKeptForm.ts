'use client';
// A form bound to a server action that keeps what the person typed. React 19 resets a
// form's uncontrolled fields after its `action` runs, and a select or radio it resets
// falls out of step with the state that drives the rest of the form. Submitting from
// onSubmit inside a transition runs the same action without that reset; `action` stays
// on the form so it still submits before the page has hydrated.
import { startTransition, useActionState, useEffect, useRef } from 'react';
import type { FormAction } from '@/lib/validation/recordFormState';

/** `clearWhen`: a state after which the form should empty (a password changed, a token made). */
export function useKeptForm<State>(action: FormAction<State>, initial: Awaited<State>, clearWhen?: (state: Awaited<State>) => boolean) {
  const [state, formAction, pending] = useActionState<State, FormData>(action, initial);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (clearWhen?.(state)) ref.current?.reset();
    // Only a new state decides; the predicate is a new function on every render.
  }, [state]);
  /** Runs the action with data built in code (a keyboard shortcut, say). */
  const submit = (data: FormData) => startTransition(() => formAction(data));
  const onSubmit = (event: React.FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    submit(new FormData(event.currentTarget, submitter instanceof HTMLElement ? submitter : undefined));
  };
  return { state, pending, submit, formProps: { ref, action: formAction, onSubmit } };
}
