import { queryOptions, useQuery } from "@tanstack/react-query";
import {
  collection,
  getDocs,
  limit,
  orderBy,
  query,
  type Timestamp,
} from "firebase/firestore/lite";
import { collections } from "@dash2fa/shared";
import { db } from "@/lib/firestore";

/** How many notes the dashboard shows, newest first. */
export const NOTES_SHOWN = 100;

export interface Note {
  id: string;
  text: string;
  /** Epoch milliseconds; the server's time of creation. */
  createdAt: number;
}

interface NoteDoc {
  text: string;
  createdAt: Timestamp | null;
}

export const notesCollection = (uid: string) => collection(db, collections.users, uid, "notes");

/** The user's notes: readable only after the second step (the rules refuse otherwise). */
export async function getNotes(uid: string): Promise<Note[]> {
  const snapshot = await getDocs(
    query(notesCollection(uid), orderBy("createdAt", "desc"), limit(NOTES_SHOWN)),
  );
  return snapshot.docs.map((doc) => {
    const data = doc.data() as NoteDoc;
    return { id: doc.id, text: data.text, createdAt: data.createdAt?.toMillis() ?? 0 };
  });
}

export function notesQueryOptions(uid: string) {
  return queryOptions({
    queryKey: ["notes", uid],
    queryFn: () => getNotes(uid),
  });
}

export function useNotes(uid: string) {
  return useQuery(notesQueryOptions(uid));
}
