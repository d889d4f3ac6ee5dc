import type { ReactElement } from "react";
import { QueryClient, QueryClientProvider } from "@tanstack/react-query";
import { render } from "@testing-library/react";
import { FunctionsError } from "firebase/functions";
import type { RefusalDetails } from "@dash2fa/shared";

/**
 * Helpers for component tests. Their one fake is the network: a test replaces
 * `httpsCallable` of "firebase/functions" (in a `vi.mock` of its own, which is hoisted),
 * so every callable answers from a handler named after it, and the app's own code runs.
 */

/** What a callable throws when the server refuses and explains why in `details`. */
export function refusal(details: RefusalDetails): FunctionsError {
  return new FunctionsError("failed-precondition", "Refused.", details);
}

/** Renders with a fresh query client, so no answer carries over from another test. */
export function renderWithQueries(ui: ReactElement) {
  const client = new QueryClient({
    defaultOptions: { queries: { retry: false }, mutations: { retry: false } },
  });
  return render(<QueryClientProvider client={client}>{ui}</QueryClientProvider>);
}
