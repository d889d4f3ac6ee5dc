import { MutationCache, QueryCache, QueryClient } from "@tanstack/react-query";
import { recheckCurrentSession } from "./current-session";

export const queryClient: QueryClient = new QueryClient({
  defaultOptions: {
    queries: {
      // Refusals (permission denied, not signed in) do not get better by asking again.
      retry: 1,
      refetchOnWindowFocus: false,
    },
  },
  // A refusal may mean this session was ended elsewhere: the guard looks again.
  queryCache: new QueryCache({
    onError: (error, query) => {
      if (query.queryKey[0] !== "currentSession") recheckCurrentSession(queryClient, error);
    },
  }),
  mutationCache: new MutationCache({
    onError: (error) => recheckCurrentSession(queryClient, error),
  }),
});
