// Maps the escalation domain's errors to the API's error responses.
import { TicketError } from '../escalation/tickets.ts';
import { ApiError } from '../lib/errors.ts';

export function apiErrors<T>(p: Promise<T>): Promise<T> {
  return p.catch((e: unknown) => {
    if (e instanceof TicketError) throw new ApiError(e.code === 'not_found' ? 404 : e.code === 'forbidden' ? 403 : 409, e.code, e.message);
    throw e;
  });
}
