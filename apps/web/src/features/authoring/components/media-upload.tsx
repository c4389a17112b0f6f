import type { Media } from '@dari/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../../components/alerts';
import { useUploadMedia } from '../api/upload-media';

export const IMAGE_TYPES = 'image/png,image/jpeg,image/webp,image/gif';
export const AUDIO_TYPES = 'audio/mpeg,audio/mp4,audio/x-m4a,audio/ogg,.mp3,.m4a,.ogg';
export const VIDEO_TYPES = 'video/mp4,video/webm,.mp4,.webm';

interface MediaUploadProps {
  courseId: string;
  label: string;
  hint: string;
  accept: string;
  onUploaded: (media: Media) => void;
  disabled?: boolean;
}

/** A file picker that uploads at once; the API checks the bytes and the size and says why it refuses. */
export function MediaUpload({ courseId, label, hint, accept, onUploaded, disabled }: MediaUploadProps) {
  const { t } = useTranslation();
  const id = useId();
  const upload = useUploadMedia(courseId);
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <input
        id={id}
        type="file"
        accept={accept}
        aria-describedby={`${id}-hint`}
        disabled={disabled || upload.isPending}
        onChange={(e) => {
          const file = e.target.files?.[0];
          const input = e.target;
          if (!file) return;
          upload.mutate(file, {
            onSuccess: (media) => {
              input.value = '';
              onUploaded(media);
            },
          });
        }}
      />
      <p role="status" aria-live="polite" className="muted">
        {upload.isPending
          ? t('media.uploading')
          : upload.isSuccess
            ? t('media.uploaded', { name: upload.data.filename })
            : null}
      </p>
      <ErrorAlert error={upload.error} />
    </div>
  );
}
