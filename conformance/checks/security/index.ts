// Security (chapter Security): request signatures, then keys and credentials.
import { keyChecks } from './keys.ts';
import { signatureChecks } from './signatures.ts';

export const securityChecks = [...signatureChecks, ...keyChecks];
