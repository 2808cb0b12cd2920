// A log of `count` records written through EvidenceFile, as the monitor writes one, for the tests.
import type { KeyObject } from 'node:crypto';
import { EvidenceFile } from './file.ts';
import { EVIDENCE_KINDS, sealRecord, type ChainHead } from './chain.ts';

export function writeTestLog(path: string, count: number, signer?: KeyObject, batch = 7): EvidenceFile {
  const file = EvidenceFile.open(path, signer ? { signer } : {});
  let head: ChainHead | undefined = file.head;
  let pending: { line: string; head: ChainHead }[] = [];
  for (let i = 0; i < count; i++) {
    const sealed = sealRecord(
      head,
      {
        at: new Date(Date.UTC(2026, 11, 2, 0, 0, i)).toISOString(),
        kind: EVIDENCE_KINDS[i % EVIDENCE_KINDS.length]!,
        target: 'sf-express',
        data: { i, ok: i % 3 !== 0 },
      },
      signer,
    );
    head = sealed.head;
    pending.push(sealed);
    if (pending.length === batch) {
      file.append(pending);
      pending = [];
    }
  }
  file.append(pending);
  return file;
}
