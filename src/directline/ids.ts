import { randomBytes } from 'node:crypto';

/** An unguessable URL-safe string: conversation ids and tokens double as capabilities. */
export function randomId(bytes = 16): string {
  return randomBytes(bytes).toString('base64url');
}

// User ids we hand out look like Azure Direct Line's own ("dl_" + random), so they cannot be guessed.
const ISSUED_USER_ID = /^dl_[A-Za-z0-9_-]{16,64}$/;

export function newUserId(): string {
  return `dl_${randomId()}`;
}

/**
 * A browser may come back with the user id it was given before (so its profile is kept), but may not
 * pick one: a chosen id like "alice" would let anyone read another person's saved state.
 */
export function userIdFrom(requested: unknown): string {
  return typeof requested === 'string' && ISSUED_USER_ID.test(requested) ? requested : newUserId();
}
