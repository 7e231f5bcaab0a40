/** Freebit answered with a non-success `resultCode` (anything but `"100"`). */
export class FreebitResultError extends Error {
  override readonly name = 'FreebitResultError';

  constructor(
    readonly resultCode: string,
    readonly statusCode: string | null,
    readonly statusMessage: string | null,
  ) {
    super(`Freebit request failed: resultCode ${resultCode}, statusCode ${statusCode ?? 'none'}`);
  }
}
