/** Pieces are gathered into writes of about this many characters: few system calls, no huge strings. */
const BATCH = 1 << 20;

/** Writes a report given in pieces (formatJsonChunks, stylishChunks) through `write`, in batches. */
export function writeChunks(write: (text: string) => void, chunks: Iterable<string>): void {
  let batch = '';
  for (const chunk of chunks) {
    batch += chunk;
    if (batch.length >= BATCH) {
      write(batch);
      batch = '';
    }
  }
  if (batch !== '') write(batch);
}
