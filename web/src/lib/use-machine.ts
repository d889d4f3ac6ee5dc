import { useCallback, useLayoutEffect, useRef, useState } from "react";

/** One step of a pure state machine: the next state, and what the view should do now. */
export interface Step<State, Command> {
  state: State;
  commands: readonly Command[];
}

/**
 * Runs a pure transition function as a component's state. The current state is kept in a
 * ref as well, so two events in one tick (a code's auto-submit and a press of Verify) see
 * each other's effect at once, as React state alone would not. After each event the
 * commands run in order, with the latest `run`.
 */
export function useMachine<State, Event, Command>(
  transition: (state: State, event: Event) => Step<State, Command>,
  initial: () => State,
  run: (command: Command, dispatch: (event: Event) => void) => void,
): [State, (event: Event) => void] {
  const [state, setState] = useState(initial);
  const current = useRef(state);
  const runner = useRef(run);
  useLayoutEffect(() => {
    runner.current = run;
  });

  const dispatch = useCallback(
    (event: Event) => {
      function apply(next: Event) {
        const step = transition(current.current, next);
        current.current = step.state;
        setState(step.state);
        for (const command of step.commands) runner.current(command, apply);
      }
      apply(event);
    },
    [transition],
  );
  return [state, dispatch];
}
