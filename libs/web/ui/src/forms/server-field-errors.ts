import type { UseFormReturnType } from '@mantine/form';
import { toApiError, type ApiError } from '@convene/web-data-access';

/**
 * Puts the API's per-field messages (extensions.fields) under the matching inputs.
 * Returns the ApiError and whether any field message found its input, so the caller can fall
 * back to a form-level alert for everything else.
 */
export function applyServerFieldErrors<Values extends object>(
  form: UseFormReturnType<Values>,
  error: unknown,
  /** Maps an API input field name to a form field when they differ. */
  fieldMap: Record<string, string> = {},
): { apiError: ApiError; placed: boolean } {
  const apiError = toApiError(error);
  const values = form.getValues() as Record<string, unknown>;
  const errors: Record<string, string> = {};
  for (const [apiField, message] of Object.entries(apiError.fields)) {
    const formField = fieldMap[apiField] ?? apiField;
    if (formField in values) errors[formField] = message;
  }
  const placed = Object.keys(errors).length > 0;
  if (placed) form.setErrors(errors);
  return { apiError, placed };
}
