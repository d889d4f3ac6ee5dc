import { useCallback, useState } from "react";

/**
 * A message for a live region or an alert, with a key that changes every time it is
 * announced. Rendered as the element's `key`, a repeat of the same words is a new node:
 * screen readers skip a live region whose text did not change, but read a new one.
 */
export interface Announcement<Message> {
  key: number;
  message: Message;
}

/** The announcement after `previous`: the same message again still gets a new key. */
export function nextAnnouncement<Message>(
  previous: Announcement<Message> | null,
  message: Message,
): Announcement<Message> {
  return { key: (previous?.key ?? 0) + 1, message };
}

/**
 * One live message (an alert, a status notice). The message is a function by default, so
 * its words are made while rendering and follow a change of language.
 */
export function useAnnouncement<Message = () => string>() {
  const [announcement, setAnnouncement] = useState<Announcement<Message> | null>(null);
  const announce = useCallback(
    (message: Message) => setAnnouncement((previous) => nextAnnouncement(previous, message)),
    [],
  );
  const clear = useCallback(() => setAnnouncement(null), []);
  return { announcement, announce, clear };
}
