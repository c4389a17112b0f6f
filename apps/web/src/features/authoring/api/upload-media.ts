import type { Media } from '@dari/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api';
import { mediaQueryKey } from './list-media';

/** One file as multipart/form-data; the API checks its bytes, type and size (invalid_file, file_too_large). */
export function uploadMedia(courseId: string, file: File): Promise<Media> {
  const body = new FormData();
  body.append('file', file);
  return api('authoring.uploadMedia', { params: { id: courseId }, body });
}

export function useUploadMedia(courseId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadMedia(courseId, file),
    onSuccess: () => client.invalidateQueries({ queryKey: mediaQueryKey(courseId) }),
  });
}
