import type { UseFormReturnType } from '@mantine/form';
import { toApiError, type ApiError } from '@convene/web-data-access';

/**
 * Puts the API's field messages under the inputs they belong to, including nested ones
 * (`answers.<fieldId>`, `fields.2.label`). `pathOf` returns the form path, or null for a field the
 * form does not show. Returns whether any message found an input.
 */
export function placeFieldErrors<Values extends object>(form: UseFormReturnType<Values>, error: unknown, pathOf: (apiField: string) => string | null): { apiError: ApiError; placed: boolean } {
  const apiError = toApiError(error);
  const errors: Record<string, string> = {};
  for (const [apiField, message] of Object.entries(apiError.fields)) {
    const path = pathOf(apiField);
    if (path) errors[path] = message;
  }
  const placed = Object.keys(errors).length > 0;
  if (placed) form.setErrors(errors);
  return { apiError, placed };
}
