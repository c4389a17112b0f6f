import type { TFunction } from 'i18next';
import { isApiError } from '../lib/api';

/** One translated sentence for anything that went wrong, chosen by the error's code. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t('errors.unexpected_response');
  if (error.code === 'too_many_attempts') {
    const minutes = Math.max(1, Math.ceil((error.retryAfter ?? 60) / 60));
    return t('errors.too_many_attempts', { count: minutes });
  }
  return t(`errors.${error.code}`);
}
