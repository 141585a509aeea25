import { useErrorMessage } from '../page/useErrorMessage';
import { useNotify } from '../feedback/useNotify';

/**
 * What choosing in a `LevelMenu` does, wherever it is: the change, then a toast that says the new
 * level (`changed(level)`, in the feature's words), or the error if the change was refused.
 */
export function useLevelChoice<L extends string>(
  change: (level: L) => Promise<unknown>,
  changed: (level: L) => string,
): (level: L) => void {
  const notify = useNotify();
  const errorMessage = useErrorMessage();
  return (level: L) =>
    void change(level).then(
      () => notify.success(changed(level)),
      (error: unknown) => notify.error(errorMessage(error)),
    );
}
