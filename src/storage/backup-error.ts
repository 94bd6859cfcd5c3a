/** Why a backup or restore did not happen: `invalid` input, `refused` to overwrite, a tool `unavailable`, or it `failed`. */
export type BackupErrorKind = 'invalid' | 'refused' | 'unavailable' | 'failed';

export class BackupError extends Error {
  constructor(
    readonly kind: BackupErrorKind,
    message: string,
  ) {
    super(message);
  }
}
