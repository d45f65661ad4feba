import { BackupError } from '../../lib/backup/problems';
import { ServiceError, StorageError, toStorageError, ValidationError, type Problem } from '../../lib/errors';
import { LinkError } from '../../lib/share/linkErrors';
import { words } from './index';

// The one place an error becomes words: lib/ throws codes and facts, this says them in the
// page's language. Every component shows errors through errorText (or useAction).

type Say = (p: Problem) => string;

/**
 * A problem's sentence. Each section of the catalogue may word the codes of its feature in a
 * `problems` map (codes are unique across features: 'checkin.…', 'text.…', 'plan.…').
 */
export function problemText(problem: Problem): string {
  for (const section of Object.values(words) as { problems?: Record<string, Say | undefined> }[]) {
    const say = section.problems?.[problem.code];
    if (say) return say(problem);
  }
  if (problem.code === 'legacy' && typeof problem.message === 'string') return problem.message;
  return words.errors.unknown;
}

export function errorText(err: unknown): string {
  if (err instanceof ValidationError) return problemText(err.problem);
  if (err instanceof BackupError) return words.data.backupError(err.reason, err.detail);
  // The popup loads no share section (it never opens a link): the console words are all it has.
  if (err instanceof LinkError) return (words as Partial<typeof words>).share?.linkErrors[err.kind] ?? err.message;
  if (err instanceof ServiceError) return err.message;
  const storage = err instanceof StorageError ? err : toStorageError(err);
  return words.errors.storage[storage.kind];
}
