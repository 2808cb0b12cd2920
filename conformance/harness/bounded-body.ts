// Reading a request body that a hostile sender may make endless: at most `maxBytes`, and nothing kept of a body past
// it. The push receiver and the judging counterparty both take bodies from parties the harness does not trust.
import type { IncomingMessage, ServerResponse } from 'node:http';

/** Call `take` with the whole body, or `tooLarge` (once) as soon as it passes `maxBytes`; a broken request is dropped. */
export function readBoundedBody(req: IncomingMessage, res: ServerResponse, maxBytes: number, tooLarge: () => void, take: (body: Buffer) => void): void {
  const chunks: Buffer[] = [];
  let size = 0;
  let refused = false;
  req.on('data', (chunk: Buffer) => {
    if (refused) return;
    size += chunk.length;
    if (size > maxBytes) {
      refused = true;
      chunks.length = 0;
      tooLarge();
      return;
    }
    chunks.push(chunk);
  });
  req.on('error', () => res.destroy());
  req.on('end', () => {
    if (!refused) take(Buffer.concat(chunks));
  });
}
