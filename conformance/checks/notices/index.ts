// Interruption notices (chapter Interruption notices): receipt of a notice, then the negotiation of its responses.
import { generatedNoticeChecks } from './generated.ts';
import { noticeNegotiationChecks } from './negotiation.ts';
import { noticeOwnResponseChecks } from './own-responses.ts';
import { noticeReceiptChecks } from './receipt.ts';
import { noticeAddressingChecks } from './resend-and-addressing.ts';

export const noticeChecks = [
  ...noticeReceiptChecks,
  ...noticeAddressingChecks,
  ...noticeNegotiationChecks,
  ...noticeOwnResponseChecks,
  ...generatedNoticeChecks,
];
