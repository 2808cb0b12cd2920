// The few words every area of checks says (decision 0062): declared once here, not in each area's catalogue.
import type { PartyRole } from '../../schemas/src/index.ts';
import { defineMessages, type Bilingual } from './text.ts';

export const W = defineMessages('words', {
  none: { en: 'none', 'zh-Hans': '无' },
  platform: { en: 'platform', 'zh-Hans': '平台' },
  carrier: { en: 'carrier', 'zh-Hans': '快递企业' },
  or: { en: ' or ', 'zh-Hans': ' 或 ' },
  semicolon: { en: '; ', 'zh-Hans': '；' },
  unsignedGet: { en: 'unsigned GET {path}', 'zh-Hans': '未签名的 GET {path}' },
  signedGet: { en: 'signed GET {path}', 'zh-Hans': '已签名的 GET {path}' },
  requestWith: { en: '{request} with {what}', 'zh-Hans': '{request}（{what}）' },
  claimUnreadable: { en: 'the conformance claim could not be read', 'zh-Hans': '无法读取一致性声明' },
  mobileNumber: { en: 'mobile number', 'zh-Hans': '手机号码' },
});

/** A party's role as a report names it. */
export const roleName = (role: PartyRole): Bilingual => (role === 'carrier' ? W.carrier() : W.platform());
