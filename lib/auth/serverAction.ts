// The one wrapper for server actions: resolve the signed-in actor, check the
// permission and, for a session cookie, the Origin header (CSRF; Next.js itself
// lets an action without Origin through), run, and turn any error into form state
// through the one error path
// (lib/http/errors.ts). Paths are revalidated and the redirect happens after the
// try, so Next's redirect signal is never caught as a failure.
import { revalidatePath } from 'next/cache';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { describeError, type ActionFailure } from '@/lib/http/errors';
import { FormReader } from '@/lib/validation/formReader';
import { recordFormFailure, type RecordFormState } from '@/lib/validation/recordFormState';
import { assertPermission, type Actor, type Permission } from './permissions';
import { assertSameOriginAction } from './origin';
import { getActorFromHeaders } from './session';

/** How a successful action ends: pages to refresh, where to go, or the state to show. */
export interface ActionOutcome<State> {
  revalidate?: string[];
  redirectTo?: string;
  state?: State;
}

interface ActionSpec<Input, State> {
  /** Names the action in logs. */
  name: string;
  permission: Permission | ((input: Input) => Permission);
  run: (actor: Actor, input: Input, prev: State) => Promise<ActionOutcome<State>>;
  /** The state to show after a failure: the message, the field it names, what was typed. */
  failed: (failure: ActionFailure, input: Input, prev: State) => State;
}

export function serverAction<Input, State>(spec: ActionSpec<Input, State>): (prev: State, input: Input) => Promise<State> {
  return async (prev, input) => {
    let outcome: ActionOutcome<State>;
    try {
      const requestHeaders = new Headers(await headers());
      const actor = await getActorFromHeaders(requestHeaders);
      assertPermission(actor, typeof spec.permission === 'function' ? spec.permission(input) : spec.permission);
      if (actor.via === 'session') assertSameOriginAction(requestHeaders);
      outcome = await spec.run(actor, input, prev);
    } catch (err) {
      const { message, param, requestId, details } = describeError(err, `action ${spec.name}`);
      return spec.failed({ message, param, requestId, details }, input, prev);
    }
    for (const path of outcome.revalidate ?? []) revalidatePath(path);
    if (outcome.redirectTo) redirect(outcome.redirectTo);
    return outcome.state ?? prev;
  };
}

/** `serverAction` for a form: permission, run and failed all read it through one FormReader. */
export function formAction<State>(spec: ActionSpec<FormReader, State>): (prev: State, formData: FormData) => Promise<State> {
  const action = serverAction<FormReader, State>(spec);
  return async (prev, formData) => action(prev, new FormReader(formData));
}

/** What a record form's submission does, decided from the form (its hidden `recordType`). */
export interface RecordWrite {
  permission: Permission;
  /** The list page to refresh and go back to. */
  path: string;
  alsoRevalidate?: string[];
  write: (actor: Actor) => Promise<unknown>;
}

/**
 * A record page's form action (save, retract, merge): on success it refreshes the
 * list and redirects to it with `?<outcome>=1`; on failure the form keeps what was typed.
 */
export function recordAction(
  outcome: 'saved' | 'retracted' | 'merged',
  resolve: (form: FormReader) => RecordWrite,
): (prev: RecordFormState, formData: FormData) => Promise<RecordFormState> {
  return formAction<RecordFormState>({
    name: `record ${outcome}`,
    // Resolving first reads the record type; an unknown one is a 400 before any write.
    permission: (form) => resolve(form).permission,
    run: async (actor, form) => {
      const target = resolve(form);
      await target.write(actor);
      return { revalidate: [target.path, ...(target.alsoRevalidate ?? [])], redirectTo: `${target.path}?${outcome}=1` };
    },
    failed: (failure, form) => recordFormFailure(failure, form.data),
  });
}
