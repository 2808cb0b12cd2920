// The chapter tables of the status taxonomy (chapter Parcel data §2) and of the prohibited contents categories
// (chapter Shipping data §1.3), generated from the data the mock and the harness read, so that the text an outside
// implementer reads is that data and never points at the code.
import { PROHIBITED_CONTENTS_CATEGORIES, prohibitedContentsLabels } from '../schemas/src/contents.ts';
import {
  statusLabels,
  statusNode,
  subStatusLabels,
  subStatusParents,
  TERMINAL_EXCEPTIONS,
  TERMINAL_STATUSES,
  TRACKING_STATUSES,
  TRACKING_SUB_STATUSES,
  type TrackingStatus,
  type TrackingSubStatus,
} from '../schemas/src/status.ts';

const code = (s: string) => `\`${s}\``;

/** "yes", "no", or for EXCEPTION the sub-statuses with which it ends a trajectory. */
function terminalCell(status: TrackingStatus): string {
  if (!(TERMINAL_STATUSES as readonly string[]).includes(status)) return 'no';
  if (status !== 'EXCEPTION') return 'yes';
  return `with ${TERMINAL_EXCEPTIONS.map(code).join(' or ')} only`;
}

function statusTable(): string {
  return [
    '| status | 中文 | meaning | node | may be terminal |',
    '|---|---|---|---|---|',
    ...TRACKING_STATUSES.map((s) => {
      const [zh, meaning] = statusLabels[s];
      return `| ${code(s)} | ${zh} | ${meaning} | ${statusNode[s] ?? 'inherited'} | ${terminalCell(s)} |`;
    }),
  ].join('\n');
}

/** Sub-statuses grouped by the statuses they belong to, in the order of the taxonomy. */
function subStatusTable(): string {
  const groups = new Map<string, TrackingSubStatus[]>();
  for (const sub of TRACKING_SUB_STATUSES) {
    const parents = subStatusParents[sub].join(', ');
    groups.set(parents, [...(groups.get(parents) ?? []), sub]);
  }
  return [
    '| sub-status | belongs to | 中文 |',
    '|---|---|---|',
    ...[...groups].map(([parents, subs]) => `| ${subs.map(code).join(', ')} | ${parents} | ${subs.map((s) => subStatusLabels[s]).join('、')} |`),
  ].join('\n');
}

function prohibitedTable(): string {
  return [
    '| category | 禁止寄递物品 | goods |',
    '|---|---|---|',
    ...PROHIBITED_CONTENTS_CATEGORIES.map((c) => {
      const [zh, en] = prohibitedContentsLabels[c];
      return `| ${code(c)} | ${zh} | ${en} |`;
    }),
  ].join('\n');
}

export const statusTables: Record<string, () => string> = {
  'tracking-statuses': statusTable,
  'tracking-sub-statuses': subStatusTable,
  'prohibited-contents-categories': prohibitedTable,
};
