/** Errors a service raises on purpose. Their message is shown to the user, so it is Chinese. */
import type { ErrorCode } from '../../shared/api/errors';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: string[],
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const badInput = (message: string, details?: string[]) => new AppError('BAD_INPUT', message, details);
export const notFound = (what: string) => new AppError('NOT_FOUND', `${what}不存在`);
export const conflict = (message: string, details?: string[]) => new AppError('CONFLICT', message, details);
export const forbidden = (message: string) => new AppError('FORBIDDEN', message);
