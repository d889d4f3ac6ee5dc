import { useMutation, useQueryClient } from "@tanstack/react-query";
import { deleteDoc, doc } from "firebase/firestore/lite";
import { notesCollection, notesQueryOptions } from "./get-notes";

export interface DeleteNoteInput {
  uid: string;
  noteId: string;
}

export async function deleteNote({ uid, noteId }: DeleteNoteInput): Promise<void> {
  await deleteDoc(doc(notesCollection(uid), noteId));
}

export function useDeleteNote() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteNote,
    onSuccess: (_, { uid }) =>
      queryClient.invalidateQueries({ queryKey: notesQueryOptions(uid).queryKey }),
  });
}
