// The target as a client (issue 15): the harness plays its counterparty as a judging server and makes it act through
// the test actions (chapter Test controls §Test actions). Every check here belongs to class `client`.
import { clientDataChecks } from './data.ts';
import { clientNoticeChecks } from './notices.ts';
import { clientRequestChecks } from './requests.ts';

export const clientChecks = [...clientRequestChecks, ...clientDataChecks, ...clientNoticeChecks];
