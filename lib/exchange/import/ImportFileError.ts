// A problem with the file as a whole (encoding, size, header): nothing is imported.
export class ImportFileError extends Error {
  constructor(message: string, public readonly status: 400 | 413 | 415 = 400) {
    super(message);
    this.name = 'ImportFileError';
  }
}
