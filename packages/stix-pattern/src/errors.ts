/** Why a pattern was rejected, with the character offset a user can point at. */
export class PatternError extends Error {
  readonly position: number;

  constructor(message: string, position: number) {
    super(`${message} (at character ${position + 1})`);
    this.name = 'PatternError';
    this.position = position;
  }
}
