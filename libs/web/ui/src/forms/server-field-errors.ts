import type { UseFormReturnType } from '@mantine/form';
import { toApiError, type ApiError } from '@convene/web-data-access';

/**
 * Puts the API's per-field messages (extensions.fields) under the matching inputs, and takes the
 * person to the first of them. `fields` maps an API field to the form's path: a table of the names
 * that differ (others are kept when the form has them), or a function (null: not a field of this
 * form). Returns the ApiError and whether any message found its input, so the caller can fall
 * back to a form-level alert for everything else.
 */
export function applyServerFieldErrors<Values extends object>(
  form: UseFormReturnType<Values>,
  error: unknown,
  fields: Record<string, string> | ((apiField: string) => string | null) = {},
): { apiError: ApiError; placed: boolean } {
  const apiError = toApiError(error);
  const values = form.getValues() as Record<string, unknown>;
  const pathOf =
    typeof fields === 'function'
      ? fields
      : (apiField: string) => {
          const formField = fields[apiField] ?? apiField;
          return formField in values ? formField : null;
        };
  const errors: Record<string, string> = {};
  for (const [apiField, message] of Object.entries(apiError.fields)) {
    const path = pathOf(apiField);
    if (path) errors[path] = message;
  }
  const placed = Object.keys(errors).length > 0;
  if (placed) {
    form.setErrors(errors);
    focusFirstError(form, Object.keys(errors));
  }
  return { apiError, placed };
}

/**
 * Takes the person to the first field the server found wrong (in the order the form shows them):
 * focused, so its message is read out, and scrolled into sight, since it may be far above the
 * button they pressed.
 */
function focusFirstError<Values extends object>(form: UseFormReturnType<Values>, fields: string[]): void {
  // The form that was sent is the one holding the focused button; two forms of a page may share
  // field names (a message and a note, both `body`).
  const sent = document.activeElement instanceof HTMLElement ? document.activeElement.closest('form') : null;
  requestAnimationFrame(() => {
    const inputOf = (field: string) =>
      sent ? sent.querySelector(`[data-path="${CSS.escape(field)}"]`) : form.getInputNode(field as never);
    const nodes = fields.map(inputOf).filter((node): node is HTMLElement => node instanceof HTMLElement);
    const first = nodes.sort((a, b) => (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1))[0];
    if (!first) return;
    first.scrollIntoView({ block: 'center' });
    first.focus({ preventScroll: true });
  });
}
