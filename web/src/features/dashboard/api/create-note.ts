import { useMutation, useQueryClient } from "@tanstack/react-query";
import { addDoc, serverTimestamp } from "firebase/firestore/lite";
import { noteTextMaxLength, noteTextSchema } from "@dash2fa/shared";
import { notesCollection, notesQueryOptions } from "./get-notes";

export { noteTextMaxLength, noteTextSchema };

export interface CreateNoteInput {
  uid: string;
  text: string;
}

/**
 * Adds a note exactly as the rules accept it: the trimmed text and the server's time,
 * nothing else.
 */
export async function createNote({ uid, text }: CreateNoteInput): Promise<void> {
  await addDoc(notesCollection(uid), {
    text: noteTextSchema.parse(text),
    createdAt: serverTimestamp(),
  });
}

export function useCreateNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createNote,
    onSuccess: (_, { uid }) =>
      queryClient.invalidateQueries({ queryKey: notesQueryOptions(uid).queryKey }),
  });
}
