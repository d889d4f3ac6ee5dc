import { QueryClient } from "@tanstack/react-query";

export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Refusals (permission denied, not signed in) do not get better by asking again.
      retry: 1,
      refetchOnWindowFocus: false,
    },
  },
});
