import { queryOptions, useQuery } from "@tanstack/react-query";
import { httpsCallable } from "firebase/functions";
import { z } from "zod/mini";
import { functions } from "@/lib/firebase";

// `devOutbox` exists only in the Functions emulator and is deliberately not in the shared
// contract's `callableNames` (it is never deployed), so it is called by its literal name
// here rather than through the typed `callable()` helper.
const DEV_OUTBOX_CALLABLE = "devOutbox";

/** How often the page polls: new codes should appear without a reload. */
export const DEV_OUTBOX_REFRESH_MS = 3_000;

const outboxItemSchema = z.object({
  kind: z.enum(["email", "sms"]),
  id: z.string(),
  to: z.string(),
  subject: z.optional(z.string()),
  text: z.string(),
  state: z.string(),
  error: z.optional(z.string()),
  createdAt: z.number(),
});
const outboxSchema = z.object({ items: z.array(outboxItemSchema) });

export type DevOutboxItem = z.infer<typeof outboxItemSchema>;

/** Every email and SMS the emulator delivered, newest first. */
export async function getDevOutbox(): Promise<DevOutboxItem[]> {
  const call = httpsCallable<Record<string, never>, unknown>(functions, DEV_OUTBOX_CALLABLE);
  const { data } = await call({});
  return outboxSchema.parse(data).items;
}

export function devOutboxQueryOptions() {
  return queryOptions({
    queryKey: ["devOutbox"],
    queryFn: getDevOutbox,
    refetchInterval: DEV_OUTBOX_REFRESH_MS,
    retry: false,
  });
}

export function useDevOutbox() {
  return useQuery(devOutboxQueryOptions());
}
