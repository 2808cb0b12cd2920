import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { packagePath } from '../../schemas/package-root.ts';
import { checks } from '../checks/index.ts';
import { checkSetSha256, openapiSha256, schemasSha256 } from './provenance.ts';

describe('provenance digests', () => {
  it('of the OpenAPI document is the SHA-256 of its bytes', () => {
    expect(openapiSha256()).toBe(
      createHash('sha256')
        .update(readFileSync(packagePath('spec', 'openapi.yaml')))
        .digest('hex'),
    );
  });

  it('of the schemas is what `LC_ALL=C sha256sum *.json | sha256sum` prints, and changes with any file', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ecdx-schemas-'));
    try {
      writeFileSync(join(dir, 'b.json'), '{"b":1}');
      writeFileSync(join(dir, 'a.json'), '{"a":1}');
      writeFileSync(join(dir, 'notes.txt'), 'not a schema');
      const shell = execFileSync('sh', ['-c', 'LC_ALL=C sha256sum *.json | sha256sum'], { cwd: dir, encoding: 'utf8' }).split(' ')[0];
      const before = schemasSha256(dir);
      expect(before).toBe(shell);
      writeFileSync(join(dir, 'a.json'), '{"a":2}');
      expect(schemasSha256(dir)).not.toBe(before);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    expect(schemasSha256()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('of the check set ignores order and changes with an id, a requirement or a title', () => {
    const set = checks.map((c) => ({ id: c.id, requirements: c.requirements, title: c.title }));
    const digest = checkSetSha256(set);
    expect(checkSetSha256([...set].reverse())).toBe(digest);
    expect(checkSetSha256(set.slice(1))).not.toBe(digest);
    expect(checkSetSha256([{ ...set[0]!, title: `${set[0]!.title}.` }, ...set.slice(1)])).not.toBe(digest);
    expect(checkSetSha256([{ ...set[0]!, requirements: ['ECDX-CNF-999'] }, ...set.slice(1)])).not.toBe(digest);
  });
});
