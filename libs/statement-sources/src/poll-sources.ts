import { SourceError } from './statement-source';
import type { StatementSource } from './statement-source';

/** The part of a logger forEachSource uses; NestJS's Logger fits. */
export interface SourceLogger {
  error(message: string, ...optionalParams: unknown[]): unknown;
}

export type SourceResult<T> =
  { sourceId: string; ok: true; value: T } | { sourceId: string; ok: false; error: unknown };

/**
 * Runs fn for every source, one after the other, in the given order. A source that throws is
 * logged and reported as `{ ok: false, error }`; the remaining sources still run.
 */
export async function forEachSource<S extends Pick<StatementSource, 'id'>, T>(
  sources: readonly S[],
  fn: (source: S) => Promise<T> | T,
  logger?: SourceLogger,
): Promise<SourceResult<T>[]> {
  const results: SourceResult<T>[] = [];
  for (const source of sources) {
    try {
      results.push({ sourceId: source.id, ok: true, value: await fn(source) });
    } catch (error) {
      results.push({ sourceId: source.id, ok: false, error });
      try {
        logger?.error(describeFailure(source.id, error), error instanceof Error ? error.stack : undefined);
      } catch {
        // a broken logger must not stop the other sources either
      }
    }
  }
  return results;
}

function describeFailure(sourceId: string, error: unknown): string {
  if (error instanceof SourceError) {
    return `statement source ${sourceId} failed [${error.code}${error.retryable ? ', will retry' : ''}]: ${error.message}`;
  }
  const message = error instanceof Error ? error.message : String(error);
  return `statement source ${sourceId} failed: ${message}`;
}
