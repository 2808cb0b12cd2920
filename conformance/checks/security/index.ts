// Security (chapter Security): request signatures, then keys and credentials.
import { keyChecks } from './keys.ts';
import { profileChecks } from './profile.ts';
import { signatureChecks } from './signatures.ts';

export const securityChecks = [...signatureChecks, ...profileChecks, ...keyChecks];
