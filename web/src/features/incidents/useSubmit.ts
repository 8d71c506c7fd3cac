/** A form's submit handler: runs the action, then `done` on success, with the action's busy and error state. */
import type { FormEvent } from 'react';
import { useAction } from '../../ui/hooks.ts';

export function useSubmit(action: () => Promise<unknown>, done: () => void) {
  const state = useAction();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (await state.run(action)) done();
  };
  return { submit, busy: state.busy, error: state.error };
}
